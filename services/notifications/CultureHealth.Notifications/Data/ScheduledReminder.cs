namespace CultureHealth.Notifications.Data;

/// <summary>
/// The copy of a booking this worker needs: who, when, with whom, and whether its reminder has gone.
/// Kept from BookingConfirmed/Rescheduled/Cancelled; <see cref="Sequence"/> orders them when they
/// arrive out of order (each event type has its own queue).
/// </summary>
public sealed class ScheduledReminder
{
    public Guid BookingId { get; set; }
    public string PatientName { get; set; } = "";
    public string PatientEmail { get; set; } = "";
    public string PractitionerName { get; set; } = "";
    public string AppointmentTypeName { get; set; } = "";
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }
    public int Sequence { get; set; }
    public bool Cancelled { get; set; }

    /// <summary>Set by the replica that claimed the reminder; cleared when the booking moves to a new time.</summary>
    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>True once BookingConfirmed has filled in the names (a reschedule may arrive first).</summary>
    public bool HasDetails => PatientName.Length > 0;
}
