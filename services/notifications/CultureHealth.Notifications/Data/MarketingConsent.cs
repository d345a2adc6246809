namespace CultureHealth.Notifications.Data;

/// <summary>
/// What a patient last said about marketing email (PatientPreferencesChanged from the patients service), kept so
/// that no marketing-kind email goes to an address without consent. No row: never consented.
/// </summary>
public sealed class MarketingConsent
{
    /// <summary>Lower-cased.</summary>
    public string Email { get; set; } = "";

    public bool Consent { get; set; }

    /// <summary>When the patient said so; older news never overwrites newer.</summary>
    public DateTimeOffset ChangedAt { get; set; }
}
