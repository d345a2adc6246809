using NodaTime;

namespace CultureHealth.Booking.Domain;

/// <summary>Whether staff may record how an appointment went.</summary>
public static class AttendanceRules
{
    /// <summary>Completed or no-show only make sense once the appointment has begun.</summary>
    public static bool CanRecordOutcome(Instant appointmentStart, Instant now) => now >= appointmentStart;
}
