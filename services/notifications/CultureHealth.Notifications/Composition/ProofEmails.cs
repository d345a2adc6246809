using CultureHealth.Contracts;
using CultureHealth.Notifications.Email;
using CultureHealth.Notifications.Templates;
using Microsoft.Extensions.Options;

namespace CultureHealth.Notifications.Composition;

/// <summary>
/// Emails that carry a one-time secret to prove the recipient owns the address: a sign-in code, the link
/// that confirms a guest's booking, and the link that takes a waitlist offer. The secrets arrive sealed in their events and are opened only to write these.
/// </summary>
public sealed class ProofEmails(EmailTemplates templates, IOptions<NotificationsOptions> options)
{
    private NotificationsOptions Options => options.Value;

    public EmailMessage EmailProof(EmailProofRequested m, string code)
    {
        var values = new TemplateValues
        {
            ["code"] = code,
            ["verifyUrl"] = VerifyUrl(m.Email, code, m.ReturnUrl),
            ["validFor"] = Minutes(m.ExpiresAt - m.OccurredAt),
        };
        var (html, text) = templates.Render(MessageKinds.EmailProof, values);
        // Not the code in the subject: subjects are kept in sent_messages, and the code must not be kept anywhere.
        return new EmailMessage(new EmailRecipient(m.Email, null), $"Your {Options.ClinicName} confirmation code", html, text, []);
    }

    public EmailMessage BookingConfirmationRequest(BookingConfirmationRequested m, string manageToken)
    {
        var values = AppointmentValues(m.PatientName, m.AppointmentTypeName, m.PractitionerName, m.Start, m.End);
        values["confirmBy"] = EmailWording.ClinicTime(m.ConfirmBy);
        values["confirmUrl"] = ConfirmUrl(m.BookingId, manageToken);
        var (html, text) = templates.Render(MessageKinds.BookingConfirmationRequest, values);
        return new EmailMessage(Patient(m.PatientEmail, m.PatientName),
            $"Please confirm your booking for {EmailWording.ClinicDateTime(m.Start)}", html, text, []);
    }

    public EmailMessage WaitlistOffer(WaitlistOfferMade m, string offerToken)
    {
        var values = AppointmentValues(m.PatientName, m.AppointmentTypeName, m.PractitionerName, m.Start, m.End);
        values["holdUntil"] = EmailWording.ClinicTime(m.HoldUntil);
        values["offerUrl"] = OfferUrl(m.OfferId, offerToken);
        var (html, text) = templates.Render(MessageKinds.WaitlistOffer, values);
        return new EmailMessage(Patient(m.PatientEmail, m.PatientName),
            $"A time has come free: {EmailWording.ClinicDateTime(m.Start)}", html, text, []);
    }

    /// <summary>What both appointment emails say about the time on offer, before their own link and deadline.</summary>
    private static TemplateValues AppointmentValues(string patientName, string appointmentType, string practitionerName, DateTimeOffset start, DateTimeOffset end) =>
        new()
        {
            ["greeting"] = patientName.Length > 0 ? $"Dear {patientName}" : "Hello",
            ["appointmentType"] = appointmentType,
            ["practitionerName"] = practitionerName,
            ["when"] = EmailWording.ClinicDateTime(start),
            ["endTime"] = EmailWording.ClinicTime(end),
        };

    private static EmailRecipient Patient(string email, string name) => new(email, name.Length > 0 ? name : null);

    public string OfferUrl(Guid offerId, string token) =>
        EmailTemplates.SiteUrl(Options) + Options.WaitlistOfferPath
            .Replace("{offerId}", offerId.ToString("D"), StringComparison.Ordinal)
            .Replace("{token}", Uri.EscapeDataString(token), StringComparison.Ordinal);

    public string VerifyUrl(string email, string code, string? returnUrl)
    {
        var url = EmailTemplates.SiteUrl(Options) + Options.VerifyEmailPath
            .Replace("{email}", Uri.EscapeDataString(email), StringComparison.Ordinal)
            .Replace("{code}", Uri.EscapeDataString(code), StringComparison.Ordinal);
        return string.IsNullOrEmpty(returnUrl) ? url : $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}returnUrl={Uri.EscapeDataString(returnUrl)}";
    }

    public string ConfirmUrl(Guid bookingId, string token) =>
        EmailTemplates.SiteUrl(Options) + Options.ConfirmBookingPath
            .Replace("{bookingId}", bookingId.ToString("D"), StringComparison.Ordinal)
            .Replace("{token}", Uri.EscapeDataString(token), StringComparison.Ordinal);

    private static string Minutes(TimeSpan span) =>
        Math.Max(1, (int)Math.Round(span.TotalMinutes)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
