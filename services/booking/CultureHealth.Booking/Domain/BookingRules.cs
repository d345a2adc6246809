using CultureHealth.Calendar;
using NodaTime;

namespace CultureHealth.Booking.Domain;

/// <summary>Clinic-wide rules on when a slot may be offered.</summary>
public sealed record BookingRules(
    int SlotGranularityMinutes = 15,
    int MinimumNoticeMinutes = 120,
    int HorizonDays = 90)
{
    public static BookingRules Default { get; } = new();

    public int SlotGranularityMinutes { get; } = SlotGranularityMinutes > 0
        ? SlotGranularityMinutes
        : throw new ArgumentOutOfRangeException(nameof(SlotGranularityMinutes), SlotGranularityMinutes, "Granularity must be positive.");

    public int MinimumNoticeMinutes { get; } = MinimumNoticeMinutes >= 0
        ? MinimumNoticeMinutes
        : throw new ArgumentOutOfRangeException(nameof(MinimumNoticeMinutes), MinimumNoticeMinutes, "Notice cannot be negative.");

    public int HorizonDays { get; } = HorizonDays >= 0
        ? HorizonDays
        : throw new ArgumentOutOfRangeException(nameof(HorizonDays), HorizonDays, "Horizon cannot be negative.");

    public Duration MinimumNotice => Duration.FromMinutes(MinimumNoticeMinutes);

    /// <summary>The last clinic-local date on which a slot may start, counted from today's clinic date.</summary>
    public LocalDate LastBookableDate(Instant now) => ClinicTimeZone.DateOf(now).PlusDays(HorizonDays);
}
