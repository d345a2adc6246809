using System.Text;
using CultureHealth.Calendar;
using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;
using NodaTime.Extensions;

namespace CultureHealth.Storefront.Pages.Booking;

/// <summary>
/// The booking as an .ics file (RFC 5545, written by the same writer as the emails' invitations): the same UID and
/// SEQUENCE, so a calendar that already has the emailed event updates it instead of adding a second one. Times are
/// the clinic's local time with a VTIMEZONE, right across the clock changes. The manage link is not in it: calendars
/// get shared and synced, and the link is a key.
/// </summary>
public sealed class CalendarModel(BookingApi booking) : ManagedBookingPage(booking)
{
    public async Task<IActionResult> OnGetAsync(Guid id, string? token, CancellationToken ct)
    {
        if (await LoadAsync(id, token, ct) is { } early)
        {
            return LinkNotValid ? NotFound() : early is RedirectResult ? early : StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
        if (Appointment.IsPending)
        {
            return Redirect(ManageLink);
        }
        var appointment = new IcsEvent(
            Appointment.Id,
            Appointment.Start.ToInstant(),
            Appointment.End.ToInstant(),
            $"{Appointment.AppointmentTypeName} with {Appointment.PractitionerName}",
            Cancelled: Appointment.Status is BookingStatuses.Cancelled or BookingStatuses.Expired,
            Appointment.Sequence,
            Description: $"{Clinic.Name}. To change or cancel, use the link in your confirmation email or call {Clinic.Telephone}.",
            Location: AppointmentSummary.Address(Clinic));
        var ics = IcsWriter.WriteFeed(Clinic.Name, [appointment], Clock.GetUtcNow().ToInstant());
        Response.Headers["X-Robots-Tag"] = "noindex";
        return File(Encoding.UTF8.GetBytes(ics), "text/calendar; charset=utf-8", $"appointment-{Wording.Iso(ClinicTimeZone.DateOf(Appointment.Start).ToDateOnly())}.ics");
    }
}
