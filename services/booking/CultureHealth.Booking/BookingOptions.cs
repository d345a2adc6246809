using System.ComponentModel.DataAnnotations;
using CultureHealth.Booking.Domain;

namespace CultureHealth.Booking;

/// <summary>The clinic's booking rules ("Booking" section); validated at start-up.</summary>
public sealed class BookingOptions
{
    public const string Section = "Booking";

    [Range(5, 120)]
    public int SlotGranularityMinutes { get; set; } = 15;

    [Range(0, 7 * 24 * 60)]
    public int MinimumNoticeMinutes { get; set; } = 120;

    [Range(1, 730)]
    public int HorizonDays { get; set; } = 90;

    [Range(0, 30 * 24)]
    public int FreeCancellationHours { get; set; } = 24;

    /// <summary>Caps one availability request, which keeps its cost (and the response) bounded.</summary>
    [Range(1, 92)]
    public int MaxAvailabilityRangeDays { get; set; } = 31;

    /// <summary>
    /// How long a booking write waits for its turn on a practitioner's diary (and for any row lock in
    /// PostgreSQL) before answering 409 "busy"; well below the gateway's timeout.
    /// </summary>
    [Range(100, 20_000)]
    public int DiaryLockTimeoutMilliseconds { get; set; } = 5_000;

    public BookingRules Rules => new(SlotGranularityMinutes, MinimumNoticeMinutes, HorizonDays);

    public CancellationPolicy CancellationPolicy => new(FreeCancellationHours);
}
