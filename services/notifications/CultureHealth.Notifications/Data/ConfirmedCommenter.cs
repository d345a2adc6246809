namespace CultureHealth.Notifications.Data;

/// <summary>
/// An address whose owner confirmed it to content (CommenterEmailConfirmed). Reply emails go only to these: an
/// address typed under a comment by anyone else never receives them.
/// </summary>
public sealed class ConfirmedCommenter
{
    /// <summary>Lower-cased.</summary>
    public string Email { get; set; } = "";

    public DateTimeOffset ConfirmedAt { get; set; }
}
