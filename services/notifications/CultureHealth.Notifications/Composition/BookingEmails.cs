using System.Text;
using CultureHealth.Calendar;
using CultureHealth.Notifications.Email;
using CultureHealth.Notifications.Templates;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CultureHealth.Notifications.Composition;

/// <summary>
/// The patient's booking emails. Each change carries an iTIP invitation with the booking's UID and the
/// booking's own SEQUENCE, so the event in the patient's calendar is added, moved or removed in place.
/// </summary>
public sealed class BookingEmails(EmailTemplates templates, IOptions<NotificationsOptions> options, TimeProvider clock)
{
    private NotificationsOptions Options => options.Value;

    public EmailMessage Confirmation(Appointment appointment, string? manageToken)
    {
        var manageUrl = manageToken is null ? "" : ManageUrl(appointment.BookingId, manageToken);
        var values = Common(appointment);
        values["manageUrl"] = manageUrl;
        var invite = Invitation(appointment, IcsMethod.Request);
        return Compose(MessageKinds.BookingConfirmed, appointment, $"Booking confirmed: {EmailWording.ClinicDateTime(appointment.Start)}", values, invite);
    }

    public EmailMessage Rescheduled(Appointment appointment, DateTimeOffset previousStart)
    {
        var values = Common(appointment);
        values["previousWhen"] = EmailWording.ClinicDateTime(previousStart);
        var invite = Invitation(appointment, IcsMethod.Request);
        return Compose(MessageKinds.BookingRescheduled, appointment, $"Appointment moved to {EmailWording.ClinicDateTime(appointment.Start)}", values, invite);
    }

    public EmailMessage Cancelled(Appointment appointment, bool cancelledByClinic, bool creditRestored)
    {
        var values = Common(appointment);
        values["cancelledByClinic"] = cancelledByClinic;
        values["creditRestored"] = creditRestored;
        var invite = Invitation(appointment, IcsMethod.Cancel);
        return Compose(MessageKinds.BookingCancelled, appointment, $"Appointment cancelled: {EmailWording.ClinicDateTime(appointment.Start)}", values, invite);
    }

    public EmailMessage Reminder(Appointment appointment) =>
        Compose(MessageKinds.BookingReminder, appointment, $"Reminder: your appointment on {EmailWording.ClinicDateTime(appointment.Start)}", Common(appointment), invite: null);

    public string ManageUrl(Guid bookingId, string token) =>
        EmailTemplates.SiteUrl(Options) + Options.ManageBookingPath
            .Replace("{bookingId}", bookingId.ToString("D"), StringComparison.Ordinal)
            .Replace("{token}", Uri.EscapeDataString(token), StringComparison.Ordinal);

    private static TemplateValues Common(Appointment a) => new()
    {
        ["greeting"] = a.PatientName.Length > 0 ? $"Dear {a.PatientName}" : "Hello",
        ["appointmentType"] = TypeName(a),
        ["practitionerName"] = a.PractitionerName,
        ["when"] = EmailWording.ClinicDateTime(a.Start),
        ["endTime"] = EmailWording.ClinicTime(a.End),
    };

    private EmailMessage Compose(string kind, Appointment a, string subject, TemplateValues values, EmailAttachment? invite)
    {
        var (html, text) = templates.Render(kind, values);
        return new EmailMessage(new EmailRecipient(a.PatientEmail, NullIfEmpty(a.PatientName)), subject, html, text, invite is null ? [] : [invite]);
    }

    /// <summary>
    /// The iTIP invitation. It never carries the manage link: calendars sync, share and forward events to every
    /// attendee and device, and the link is a bearer secret, so it stays in the email body only.
    /// </summary>
    private EmailAttachment Invitation(Appointment a, IcsMethod method)
    {
        var o = Options;
        var summary = a.PractitionerName.Length > 0 ? $"{TypeName(a)} with {a.PractitionerName}" : $"{TypeName(a)} at {o.ClinicName}";
        var calendarEvent = new IcsEvent(
            a.BookingId, Instant.FromDateTimeOffset(a.Start), Instant.FromDateTimeOffset(a.End), summary,
            Cancelled: method == IcsMethod.Cancel, a.Sequence,
            Description: method == IcsMethod.Cancel ? null : "To cancel or reschedule, use the link in your confirmation email.",
            Location: $"{o.ClinicName}, {o.ClinicAddress}");
        var ics = IcsWriter.WriteSingleEvent(
            calendarEvent, method,
            new IcsParticipant(o.FromAddress, o.ClinicName),
            new IcsParticipant(a.PatientEmail, NullIfEmpty(a.PatientName)),
            Instant.FromDateTimeOffset(clock.GetUtcNow()));
        var methodName = method == IcsMethod.Cancel ? "CANCEL" : "REQUEST";
        return new EmailAttachment(
            method == IcsMethod.Cancel ? "cancel.ics" : "invite.ics",
            $"text/calendar; method={methodName}; charset=utf-8",
            Encoding.UTF8.GetBytes(ics));
    }

    private static string TypeName(Appointment a) => a.AppointmentTypeName.Length > 0 ? a.AppointmentTypeName : "appointment";

    private static string? NullIfEmpty(string value) => value.Length > 0 ? value : null;
}
