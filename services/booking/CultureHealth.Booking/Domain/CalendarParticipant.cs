using CultureHealth.Calendar;

namespace CultureHealth.Booking.Domain;

/// <summary>An ORGANIZER or ATTENDEE of an emailed invitation; the address rule is the shared writer's.</summary>
public sealed record CalendarParticipant(string Email, string? Name = null)
{
    public string Email { get; } = IcsParticipant.RequirePlainEmail(Email);
}
