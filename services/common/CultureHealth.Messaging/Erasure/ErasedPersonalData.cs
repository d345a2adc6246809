namespace CultureHealth.Messaging.Erasure;

/// <summary>
/// What an anonymised row holds in place of personal data, the same in every service: required text columns get these
/// values (never a hash of the address, which would still single the person out), optional ones become null.
/// </summary>
public static class ErasedPersonalData
{
    /// <summary>In place of a name (shown as the author of an anonymised comment).</summary>
    public const string Name = "Erased";

    /// <summary>In place of an email address in a required column: matches no address, and no look-up by address.</summary>
    public const string Email = "";

    /// <summary>In place of free text a patient wrote (a comment's body).</summary>
    public const string Text = "[removed at the author's request]";
}
