using System.ComponentModel.DataAnnotations;

namespace CultureHealth.Booking;

/// <summary>The waitlist's timings and limits ("Waitlist" section); validated at start-up.</summary>
public sealed class WaitlistOptions
{
    public const string Section = "Waitlist";

    /// <summary>How long an offered slot is held for the patient it was offered to before the next waiter gets it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan OfferHold { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often freed slots are offered and lapsed offers passed on.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan MatchInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Waiting entries one patient may have at once.</summary>
    [Range(1, 1_000)]
    public int MaxEntriesPerPatient { get; set; } = 10;
}
