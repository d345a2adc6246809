namespace CultureHealth.Contracts;

/// <summary>
/// A guest's booking holds its slot as pending until the patient follows the emailed link by
/// <see cref="ConfirmBy"/>. <see cref="SealedManageToken"/> is the booking's manage token sealed with
/// EventSecrets (booking stores only its hash); the link is the only place the token goes.
/// </summary>
public record BookingConfirmationRequested(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid BookingId, Guid PractitionerId, string PractitionerName,
    Guid AppointmentTypeId, string AppointmentTypeName,
    DateTimeOffset Start, DateTimeOffset End,
    string PatientName, string PatientEmail, DateTimeOffset ConfirmBy, string SealedManageToken) : IIntegrationEvent;

/// <summary>A pending booking was not confirmed in time: its slot is free again.</summary>
public record BookingExpired(
    Guid EventId, DateTimeOffset OccurredAt,
    Guid BookingId, Guid PractitionerId, DateTimeOffset Start, DateTimeOffset End, string PatientEmail) : IIntegrationEvent;
