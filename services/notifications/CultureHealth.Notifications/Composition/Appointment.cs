namespace CultureHealth.Notifications.Composition;

/// <summary>What the patient's booking emails say about the appointment. Names may be empty when only a later event was seen.</summary>
public sealed record Appointment(
    Guid BookingId,
    string PatientName,
    string PatientEmail,
    string PractitionerName,
    string AppointmentTypeName,
    DateTimeOffset Start,
    DateTimeOffset End,
    int Sequence);
