using CultureHealth.Booking.Data;
using CultureHealth.Calendar;
using CultureHealth.Contracts;
using CultureHealth.ServiceDefaults.Secrets;
using NodaTime;

namespace CultureHealth.Booking.Application;

/// <summary>The events that tell other services a booking was made final; built in one place for every path that confirms.</summary>
public static class BookingAnnouncements
{
    /// <summary>
    /// <paramref name="manageToken"/> goes to notifications for the patient's manage link, sealed with
    /// <see cref="EventSecrets"/>: the broker, the outbox and dead-letter queues never see it in clear.
    /// </summary>
    public static BookingConfirmed Confirmed(
        PatientBooking booking, string practitionerName, string typeName, string manageToken, EventSecrets secrets, Instant now) => new(
        Guid.NewGuid(), now.ToDateTimeOffset(), booking.Id, booking.PractitionerId, practitionerName, booking.AppointmentTypeId, typeName,
        booking.Start.ToClinicTime(), booking.End.ToClinicTime(), booking.PatientName, booking.PatientEmail,
        booking.PricePence, booking.PaidBy, booking.Sequence, secrets.Seal(manageToken));
}
