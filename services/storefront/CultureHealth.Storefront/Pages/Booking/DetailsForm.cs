namespace CultureHealth.Storefront.Pages.Booking;

/// <summary>What the details form posts (names as the form sends them).</summary>
public sealed class DetailsForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Notes { get; set; }
    public bool Consent { get; set; }
    /// <summary>"credit" or "clinic"; offered only to a patient who proved their address.</summary>
    public string? PayWith { get; set; }
    /// <summary>Made once when the form is first shown and kept through re-renders: a double submit is one booking.</summary>
    public string? IdempotencyKey { get; set; }

    public const string PayByCredit = "credit";
    public const string PayAtClinic = "clinic";
}
