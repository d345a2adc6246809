using System.ComponentModel.DataAnnotations;

namespace CultureHealth.Booking;

/// <summary>
/// How bookings whose email is not proven are held ("Booking" section, beside <see cref="BookingOptions"/>);
/// validated at start-up. A guest's booking holds its slot as pending until the emailed link is followed.
/// </summary>
public sealed class GuestBookingOptions
{
    public const string Section = "Booking";

    /// <summary>How long a pending booking holds its slot waiting for the patient to confirm it.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PendingHold { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Open (pending) bookings one email address may have at once.</summary>
    [Range(1, 10_000)]
    public int MaxPendingPerEmail { get; set; } = 3;

    /// <summary>Open (pending) bookings one client address may have at once (a shared connection books for several people).</summary>
    [Range(1, 100_000)]
    public int MaxPendingPerClientAddress { get; set; } = 10;

    /// <summary>How often expired holds are released.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PendingSweepInterval { get; set; } = TimeSpan.FromSeconds(15);
}
