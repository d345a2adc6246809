using MimeKit;
using Microsoft.Extensions.Options;

namespace CultureHealth.Notifications.Email;

/// <summary>
/// Writes each message as an .eml file (open it in any mail client) instead of sending it: the local
/// run's mailbox. Files appear whole: written under a temporary name, then renamed.
/// </summary>
public sealed class PickupDirectoryEmailSender(MimeMessageFactory factory, IOptions<NotificationsOptions> options, TimeProvider clock) : IEmailSender
{
    public async Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory!);
        Directory.CreateDirectory(directory);
        var mime = factory.Create(message);
        var name = $"{clock.GetUtcNow():yyyyMMdd'T'HHmmssfff}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(directory, name + ".tmp");
        // .eml files use the wire format's CRLF line ends, whatever the host's convention.
        await mime.WriteToAsync(new FormatOptions { NewLineFormat = NewLineFormat.Dos }, temporary, cancellationToken);
        File.Move(temporary, Path.Combine(directory, name));
        return mime.MessageId ?? "";
    }
}
