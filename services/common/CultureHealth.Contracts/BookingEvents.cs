namespace CultureHealth.Contracts;

/// <summary>
/// <see cref="ManageToken"/> is the secret of the patient's manage link, SEALED with EventSecrets
/// ("keyId.base64url"): booking stores only its hash, so this event is the one way the confirmation email can
/// carry it, and sealed it never sits in clear in an outbox row, a queue or an _error queue. Only notifications
/// holds the key to open it.
/// </summary>
public record BookingConfirmed(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid BookingId, Guid PractitionerId, string PractitionerName,
    Guid AppointmentTypeId, string AppointmentTypeName,
    DateTimeOffset Start, DateTimeOffset End,
    string PatientName, string PatientEmail, long PricePence, string PaidBy,
    int Sequence = 0, string? ManageToken = null) : IIntegrationEvent;

public record BookingCancelled(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid BookingId, Guid PractitionerId, DateTimeOffset Start, DateTimeOffset End,
    string PatientEmail, string CancelledBy, bool CreditRestored, int Sequence = 0) : IIntegrationEvent;

public record BookingRescheduled(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid BookingId, Guid PractitionerId,
    DateTimeOffset PreviousStart, DateTimeOffset Start, DateTimeOffset End,
    string PatientEmail, int Sequence = 0) : IIntegrationEvent;

public record BookingNoShow(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid BookingId, Guid PractitionerId, DateTimeOffset Start, string PatientEmail) : IIntegrationEvent;

public record PractitionerProfileChanged(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid PractitionerId, string Name, string Title, string? Bio, string? PhotoUrl, bool Active) : IIntegrationEvent;

public record BookingCreditsRevoked(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid OrderId, string CustomerEmail, int CreditsRevoked) : IIntegrationEvent;

/// <summary>The values of <see cref="BookingCancelled.CancelledBy"/>.</summary>
public static class BookingCancellers
{
    public const string Staff = "staff";
    public const string Patient = "patient";
}
