namespace CultureHealth.Notifications.Email;

public interface IEmailSender
{
    /// <summary>Delivers the message or throws; returns the Message-ID it was sent with.</summary>
    Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
