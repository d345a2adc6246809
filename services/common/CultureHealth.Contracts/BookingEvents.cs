namespace CultureHealth.Contracts;

public record BookingConfirmed(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid BookingId, Guid PractitionerId, string PractitionerName,
    Guid AppointmentTypeId, string AppointmentTypeName,
    DateTimeOffset Start, DateTimeOffset End,
    string PatientName, string PatientEmail, long PricePence, string PaidBy,
    int Sequence = 0) : IIntegrationEvent;

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
