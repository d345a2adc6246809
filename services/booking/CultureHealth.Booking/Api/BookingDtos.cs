using System.Text.Json.Serialization;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using NodaTime;

namespace CultureHealth.Booking.Api;

public sealed record Money(long Amount, string Currency = "GBP");

public sealed record PatientDetails(string? Name, string? Email, string? Phone);

/// <summary><c>start</c> is ISO 8601 with an offset (e.g. 2026-12-01T10:00:00Z or +00:00).</summary>
public sealed record BookingRequest(
    Guid? AppointmentTypeId, Guid? PractitionerId, string? Start, PatientDetails? Patient, string? Notes, bool? UseCredit);

public sealed record RescheduleRequest(string? Start);

public sealed record BookingDto(
    Guid Id,
    string Status,
    Guid PractitionerId,
    string PractitionerName,
    Guid AppointmentTypeId,
    string AppointmentTypeName,
    DateTimeOffset Start,
    DateTimeOffset End,
    Money Price,
    string PaidBy,
    PatientDetails Patient,
    string? Notes,
    int Sequence,
    DateTimeOffset FreeCancellationUntil);

/// <summary>
/// The reply to a new booking. <see cref="ManageToken"/> is present only when the request proved the patient's
/// address (a patient token for patient.email) and the booking is not paid by a credit; otherwise the manage
/// link goes by email only. A guest's booking is <c>pending</c> until the emailed link is followed by
/// <see cref="ConfirmBy"/>.
/// </summary>
public sealed record BookingCreated(
    BookingDto Booking,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ManageToken,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? ConfirmBy = null);

internal static class BookingMapping
{
    public static DateTimeOffset ToClinicTime(this Instant instant) => ClinicCalendar.InClinicZone(instant).ToDateTimeOffset();

    public static BookingDto ToDto(this PatientBooking b, string practitionerName, string typeName, CancellationPolicy policy) => new(
        b.Id,
        BookingStatusNames.ToText(b.Status),
        b.PractitionerId,
        practitionerName,
        b.AppointmentTypeId,
        typeName,
        b.Start.ToClinicTime(),
        b.End.ToClinicTime(),
        new Money(b.PricePence),
        b.PaidBy,
        new PatientDetails(b.PatientName, b.PatientEmail, b.PatientPhone),
        b.Notes,
        b.Sequence,
        policy.FreeCancellationDeadline(b.Start).ToClinicTime());
}
