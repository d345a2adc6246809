using CultureHealth.Booking.Domain;
using NodaTime;

namespace CultureHealth.Booking.Data;

/// <summary>
/// A booked appointment. Rows are never deleted: cancelling, completing and no-shows change
/// <see cref="Status"/>, so history and calendar UIDs survive.
/// </summary>
public sealed class PatientBooking
{
    public Guid Id { get; init; }
    public Guid PractitionerId { get; init; }
    public Guid AppointmentTypeId { get; init; }

    /// <summary>The room held with the practitioner when the type needs one; a second exclusion constraint keeps its bookings apart.</summary>
    public Guid? RoomId { get; set; }
    public BookingStatus Status { get; set; }
    public Instant Start { get; set; }
    public Instant End { get; set; }

    /// <summary>The diary time taken, buffers included; the exclusion constraint works on this.</summary>
    public Interval Footprint { get; set; }

    public long PricePence { get; init; }
    public string PaidBy { get; init; } = PaymentMethods.Clinic;

    /// <summary>The credit grant a session was taken from, so a timely cancellation can put it back.</summary>
    public Guid? CreditGrantId { get; init; }

    public string PatientName { get; init; } = "";
    public string PatientEmail { get; init; } = "";
    public string? PatientPhone { get; init; }
    public string? Notes { get; init; }
    public string ManageTokenHash { get; init; } = "";

    /// <summary>RFC 5545 SEQUENCE: bumped on every change of time or status so calendars accept the update.</summary>
    public int Sequence { get; set; }

    public string? CancelledBy { get; set; }
    public Instant CreatedAt { get; init; }
    public Instant UpdatedAt { get; set; }
}

public static class PaymentMethods
{
    public const string Clinic = "clinic";
    public const string Credit = "credit";
}
