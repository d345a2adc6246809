using CultureHealth.Contracts;
using CultureHealth.Testing;

namespace CultureHealth.Notifications.Tests;

/// <summary>Events as their publishers send them: times with the London offset, as booking's ToClinicTime gives.</summary>
public static class Events
{
    public static readonly TimeSpan Bst = TimeSpan.FromHours(1);

    /// <summary>The manage token every confirmation below carries, sealed as booking seals it.</summary>
    public const string ManageToken = "tok_abc-123";

    public static BookingConfirmed Confirmed(string patientEmail, DateTimeOffset start, Guid? bookingId = null, string? manageToken = ManageToken) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, bookingId ?? Guid.NewGuid(), Guid.NewGuid(), "Priya Shah",
        Guid.NewGuid(), "Sports massage", start, start.AddMinutes(45), "Pat Jones", patientEmail, 6500, "clinic",
        Sequence: 0, ManageToken: manageToken is null ? null : TestSecrets.Events.Seal(manageToken));

    public static BookingCancelled Cancelled(BookingConfirmed booking, int sequence = 1) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, booking.BookingId, booking.PractitionerId, booking.Start, booking.End,
        booking.PatientEmail, "patient", CreditRestored: false, sequence);

    public static BookingRescheduled Rescheduled(BookingConfirmed booking, DateTimeOffset newStart, int sequence = 1) => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, booking.BookingId, booking.PractitionerId, booking.Start, newStart, newStart.AddMinutes(45),
        booking.PatientEmail, sequence);
}
