using System.Text;
using CultureHealth.Notifications.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CultureHealth.Notifications.Tests;

/// <summary>The local run's mailbox: each message is one complete .eml file.</summary>
public sealed class PickupDirectoryTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ch-mail-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Each_message_becomes_a_readable_eml_file_with_both_parts_and_its_attachment()
    {
        var options = Options.Create(new NotificationsOptions { Delivery = EmailDelivery.Pickup, PickupDirectory = _directory, ClinicAddress = "1 Harley Street" });
        var sender = new PickupDirectoryEmailSender(new MimeMessageFactory(options, TimeProvider.System), options, TimeProvider.System);
        var email = new EmailMessage(new EmailRecipient("pat@example.com", "Pat"), "Booking confirmed", "<p>Hello</p>", "Hello",
            [new EmailAttachment("invite.ics", "text/calendar; method=REQUEST; charset=utf-8", Encoding.UTF8.GetBytes("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"))]);

        var messageId = await sender.SendAsync(email, CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_directory));
        Assert.EndsWith(".eml", file, StringComparison.Ordinal);
        var saved = await MimeMessage.LoadAsync(file);
        Assert.Equal(messageId, saved.MessageId);
        Assert.Equal("Booking confirmed", saved.Subject);
        Assert.Equal("Hello", saved.TextBody?.Trim());
        Assert.Contains("<p>Hello</p>", saved.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("REQUEST", Assert.Single(saved.Attachments).ContentType.Parameters["method"]);
    }
}
