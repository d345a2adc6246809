using System.Text.Json.Serialization;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;

namespace CultureHealth.Booking.Application;

public sealed record Money(long Amount, string Currency = "GBP");

public sealed record PatientDetails(string? Name, string? Email, string? Phone);

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
    DateTimeOffset FreeCancellationUntil,
    Guid? RoomId = null);

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
        policy.FreeCancellationDeadline(b.Start).ToClinicTime(),
        b.RoomId);
}
