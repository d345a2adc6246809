using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace CultureHealth.Notifications.Email;

/// <summary>The "Notifications:Smtp" configuration section.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Notifications:Smtp";

    [Required]
    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable (MailKit's SecureSocketOptions).</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    /// <summary>Leave empty for a relay that does not authenticate.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Tries per message within one delivery of its event; after that the event is retried by the broker.</summary>
    [Range(1, 10)]
    public int SendAttempts { get; set; } = 3;

    /// <summary>First back-off between tries; it doubles each time.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
