using System.ComponentModel.DataAnnotations;
using System.Net;
using MailKit.Security;

namespace CultureHealth.Notifications.Email;

/// <summary>The "Notifications:Smtp" configuration section; validated at start-up.</summary>
public sealed class SmtpOptions : IValidatableObject
{
    public const string Section = "Notifications:Smtp";

    [Required]
    public string Host { get; set; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    /// <summary>
    /// StartTls (the default) or SslOnConnect: the connection is encrypted or the send fails. None only for a
    /// development sink on loopback without credentials. StartTlsWhenAvailable and Auto are refused: anyone on the
    /// path can strip the STARTTLS offer and read the mail (and the password) in clear.
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Security is SecureSocketOptions.StartTlsWhenAvailable or SecureSocketOptions.Auto)
        {
            yield return new ValidationResult(
                $"Notifications:Smtp:Security {Security} lets an attacker downgrade to plain text; use StartTls or SslOnConnect.", [nameof(Security)]);
        }
        else if (Security == SecureSocketOptions.None && (!IsLoopback(Host) || !string.IsNullOrEmpty(Username)))
        {
            yield return new ValidationResult(
                "Notifications:Smtp:Security None is only for a development sink on loopback without credentials; use StartTls or SslOnConnect.",
                [nameof(Security)]);
        }
    }

    private static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}
