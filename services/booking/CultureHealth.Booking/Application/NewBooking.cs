using CultureHealth.Messaging.Idempotency;
using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary>A booking request whose fields are individually valid; whether the slot is free is checked later.</summary>
public sealed record NewBooking(
    Guid AppointmentTypeId,
    Guid PractitionerId,
    Instant Start,
    string PatientName,
    string PatientEmail,
    string? PatientPhone,
    string? Notes,
    bool UseCredit)
{
    /// <summary>Identifies "the same request" for Idempotency-Key replays, whatever the JSON formatting was.</summary>
    public string Fingerprint() => IdempotentRequest.FingerprintOf(new object?[]
    {
        AppointmentTypeId, PractitionerId, Start.ToUnixTimeTicks(), PatientName, PatientEmail, PatientPhone, Notes, UseCredit,
    });
}
