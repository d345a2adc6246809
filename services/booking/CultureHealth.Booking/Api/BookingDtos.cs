using CultureHealth.Booking.Application;

namespace CultureHealth.Booking.Api;

/// <summary><c>start</c> is ISO 8601 with an offset (e.g. 2026-12-01T10:00:00Z or +00:00).</summary>
public sealed record BookingRequest(
    Guid? AppointmentTypeId, Guid? PractitionerId, string? Start, PatientDetails? Patient, string? Notes, bool? UseCredit);

public sealed record RescheduleRequest(string? Start);
