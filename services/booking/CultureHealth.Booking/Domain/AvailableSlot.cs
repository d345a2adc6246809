using NodaTime;

namespace CultureHealth.Booking.Domain;

/// <summary>A free appointment time, in clinic time; <see cref="End"/> is the appointment's end, buffers excluded.</summary>
public sealed record AvailableSlot(ZonedDateTime Start, ZonedDateTime End)
{
    public Instant StartInstant => Start.ToInstant();

    public LocalDateTime LocalStart => Start.LocalDateTime;
}
