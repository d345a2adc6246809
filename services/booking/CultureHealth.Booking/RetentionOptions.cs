using System.ComponentModel.DataAnnotations;

namespace CultureHealth.Booking;

/// <summary>
/// How long booking keeps who an appointment was for ("Booking:Retention"); validated at start-up. The default follows
/// the NHS Records Management Code of Practice for adult health records: 8 years after the appointment.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Booking:Retention";

    /// <summary>A booking that ended longer ago than this loses its patient's name, email, phone and notes.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "36500.00:00:00")]
    public TimeSpan AnonymiseAfter { get; set; } = TimeSpan.FromDays(8 * 365 + 2);

    /// <summary>How often the job looks for bookings past the policy.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
}
