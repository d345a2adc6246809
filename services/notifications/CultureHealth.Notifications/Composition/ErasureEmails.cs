using CultureHealth.Contracts;
using CultureHealth.Notifications.Email;
using CultureHealth.Notifications.Templates;
using Microsoft.Extensions.Options;

namespace CultureHealth.Notifications.Composition;

/// <summary>The outcome of a patient's erasure request (UK GDPR article 17).</summary>
public sealed class ErasureEmails(EmailTemplates templates, IOptions<NotificationsOptions> options)
{
    public EmailMessage ErasureCompleted(PatientErasureCompleted m, string email)
    {
        var total = m.Services.Sum(s => s.RecordsErased);
        var values = new TemplateValues
        {
            ["requestedOn"] = EmailWording.ClinicDateTime(m.RequestedAt),
            ["summary"] = total == 0
                ? "We held no personal data about this address, so there was nothing to erase."
                : $"We removed or anonymised {total} {(total == 1 ? "record" : "records")} across our bookings, shop, articles' comments and emails.",
        };
        var (html, text) = templates.Render(MessageKinds.ErasureCompleted, values);
        return new EmailMessage(new EmailRecipient(email, null), $"Your data has been erased from {options.Value.ClinicName}", html, text, []);
    }
}
