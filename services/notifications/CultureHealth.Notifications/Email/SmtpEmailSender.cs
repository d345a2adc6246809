using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace CultureHealth.Notifications.Email;

/// <summary>
/// Sends through an SMTP server with MailKit, retrying transient failures with back-off. When the
/// tries run out it throws, so the consumer's transaction (inbox row included) rolls back and the
/// event is redelivered, then parked in its _error queue.
/// </summary>
public sealed partial class SmtpEmailSender : IEmailSender
{
    private readonly MimeMessageFactory _factory;
    private readonly IOptions<SmtpOptions> _options;
    private readonly ILogger<SmtpEmailSender> _logger;
    private readonly ResiliencePipeline _retry;

    public SmtpEmailSender(MimeMessageFactory factory, IOptions<SmtpOptions> options, ILogger<SmtpEmailSender> logger)
    {
        _factory = factory;
        _options = options;
        _logger = logger;
        var o = options.Value;
        _retry = o.SendAttempts == 1 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = o.SendAttempts - 1,
                Delay = o.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(IsTransient),
                OnRetry = args =>
                {
                    LogRetrying(_logger, args.AttemptNumber + 1, args.Outcome.Exception);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    public async Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        // One Message-ID for every try, so a receiving server can drop a duplicate of a try it half accepted.
        var mime = _factory.Create(message);
        await _retry.ExecuteAsync(async ct =>
        {
            var o = _options.Value;
            using var client = new SmtpClient { Timeout = (int)o.Timeout.TotalMilliseconds };
            // With StartTls MailKit refuses a server that does not offer STARTTLS (NotSupportedException, not retried):
            // the event fails and is parked rather than the message going out in clear.
            await client.ConnectAsync(o.Host, o.Port, o.Security, ct);
            if (!string.IsNullOrEmpty(o.Username))
            {
                await client.AuthenticateAsync(o.Username, o.Password ?? "", ct);
            }
            await client.SendAsync(mime, ct);
            await client.DisconnectAsync(quit: true, ct);
        }, cancellationToken);
        return mime.MessageId ?? "";
    }

    // A 5xx reply (bad recipient, message refused) will not change on a retry; connection trouble and 4xx may.
    private static bool IsTransient(Exception e) => e switch
    {
        SmtpCommandException command => (int)command.StatusCode < 500,
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or TimeoutException => true,
        _ => false,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending email failed; try {Attempt} follows")]
    private static partial void LogRetrying(ILogger logger, int attempt, Exception? exception);
}
