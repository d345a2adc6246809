using MimeKit;
using MimeKit.Utils;
using Microsoft.Extensions.Options;

namespace CultureHealth.Notifications.Email;

/// <summary>Turns an <see cref="EmailMessage"/> into MIME: multipart/alternative (text, HTML) plus any attachments.</summary>
public sealed class MimeMessageFactory(IOptions<NotificationsOptions> options, TimeProvider clock)
{
    public MimeMessage Create(EmailMessage email)
    {
        var o = options.Value;
        var message = new MimeMessage
        {
            Subject = email.Subject,
            Date = clock.GetUtcNow(),
            MessageId = MimeUtils.GenerateMessageId(MailboxAddress.Parse(o.FromAddress).Domain),
        };
        message.From.Add(new MailboxAddress(o.FromName, o.FromAddress));
        message.To.Add(new MailboxAddress(email.To.Name ?? "", email.To.Address));

        var body = new BodyBuilder { TextBody = email.TextBody, HtmlBody = email.HtmlBody };
        foreach (var attachment in email.Attachments)
        {
            var part = body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
            if (part is MimePart mimePart)
            {
                // Base64 keeps the bytes exact: an .ics must keep its CRLF line ends (RFC 5545), which a
                // text encoding would let a relay or a Unix mail store rewrite.
                mimePart.ContentTransferEncoding = ContentEncoding.Base64;
            }
        }
        message.Body = body.ToMessageBody();
        return message;
    }
}
