using System.ComponentModel.DataAnnotations;
using CultureHealth.Contracts;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Email;
using CultureHealth.Testing;
using MailKit.Security;
using MassTransit;

namespace CultureHealth.Notifications.Tests;

/// <summary>
/// SMTP never falls back to plain text: STARTTLS (or TLS on connect) is required unless the server is a loopback
/// development sink explicitly configured with Security=None and no credentials.
/// </summary>
public sealed class SmtpTransportSecurityTests
{
    [Theory]
    [InlineData("smtp.example.com", SecureSocketOptions.StartTlsWhenAvailable, null)]
    [InlineData("smtp.example.com", SecureSocketOptions.Auto, null)]
    [InlineData("smtp.example.com", SecureSocketOptions.None, null)]
    [InlineData("10.0.0.25", SecureSocketOptions.None, null)]
    [InlineData("127.0.0.1", SecureSocketOptions.StartTlsWhenAvailable, null)]
    [InlineData("127.0.0.1", SecureSocketOptions.None, "mailer")]
    [InlineData("localhost", SecureSocketOptions.Auto, "mailer")]
    public void A_downgradable_or_plain_connection_is_refused_at_start_up(string host, SecureSocketOptions security, string? username) =>
        Assert.False(IsValid(new SmtpOptions { Host = host, Security = security, Username = username, Password = username }));

    [Theory]
    [InlineData("smtp.example.com", SecureSocketOptions.StartTls, "mailer")]
    [InlineData("smtp.example.com", SecureSocketOptions.SslOnConnect, "mailer")]
    [InlineData("127.0.0.1", SecureSocketOptions.None, null)]
    [InlineData("localhost", SecureSocketOptions.None, null)]
    [InlineData("::1", SecureSocketOptions.None, null)]
    public void Required_TLS_or_a_plain_loopback_sink_without_credentials_is_accepted(string host, SecureSocketOptions security, string? username) =>
        Assert.True(IsValid(new SmtpOptions { Host = host, Security = security, Username = username, Password = username }));

    [Fact]
    public void The_default_requires_STARTTLS() => Assert.Equal(SecureSocketOptions.StartTls, new SmtpOptions().Security);

    [Fact]
    public async Task Against_a_server_that_does_not_offer_STARTTLS_the_send_fails_instead_of_going_plain()
    {
        await using var smtp = await SmtpSink.StartedAsync();
        var consumed = new ConsumeCounter();
        // The service's own default (appsettings.json and SmtpOptions), not the tests' plain-text sink setting.
        var settings = NotificationsService.Settings(smtp);
        settings.Remove("Notifications:Smtp:Security");
        settings["Notifications:Smtp:SendAttempts"] = "2";
        await using var service = await TestService<NotificationsDbContext>.StartAsync(
            "notifications", await NotificationsService.NewVirtualHostAsync(), settings: settings,
            services: s => s.AddConsumeObserver(_ => consumed));

        var customer = NotificationsService.NewAddress("tls");
        await service.GetRequiredService<IBus>().Publish(new OrderShipped(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), "CH-4004", customer));

        await Eventually.TrueAsync(() => Task.FromResult(consumed.Faulted<OrderShipped>() >= 1 || smtp.Received.Count > 0),
            TimeSpan.FromSeconds(60), "the send failed or went through");
        Assert.Empty(smtp.Received);
        Assert.True(consumed.Faulted<OrderShipped>() >= 1);
    }

    private static bool IsValid(SmtpOptions options) =>
        Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true);
}
