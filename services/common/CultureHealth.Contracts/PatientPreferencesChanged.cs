namespace CultureHealth.Contracts;

/// <summary>
/// A patient changed their email preferences (patients service). Service emails (bookings, orders, codes) are always
/// sent; marketing emails only while <see cref="MarketingConsent"/> is true. <see cref="ChangedAt"/> is when the
/// patient said so: a consumer keeps the latest and ignores older news (events may arrive out of order).
/// </summary>
public record PatientPreferencesChanged(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid PatientId, string Email, bool MarketingConsent, DateTimeOffset ChangedAt) : IIntegrationEvent;
