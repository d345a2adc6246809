using CultureHealth.Notifications.Data;
using CultureHealth.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CultureHealth.Notifications.Tests;

/// <summary>Starts the notifications worker on its own database and vhost, sending to an <see cref="SmtpSink"/>.</summary>
public static class NotificationsService
{
    public const string ClinicAddress = "1 Harley Street, London W1G 9QD";
    public const string SiteUrl = "https://clinic.example";

    public static async Task<TestService<NotificationsDbContext>> StartAsync(
        SmtpSink smtp,
        ConsumeCounter? consumed = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        string? rabbitMq = null)
    {
        rabbitMq ??= await NewVirtualHostAsync();
        return await TestService<NotificationsDbContext>.StartAsync("notifications", rabbitMq, settings: Settings(smtp, settings), services: s =>
        {
            if (consumed is not null)
            {
                s.AddConsumeObserver(_ => consumed);
            }
            services?.Invoke(s);
        });
    }

    public static Dictionary<string, string?> Settings(SmtpSink smtp, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Notifications:Delivery"] = "Smtp",
            ["Notifications:Smtp:Host"] = "127.0.0.1",
            ["Notifications:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Smtp:Security"] = "None",
            ["Notifications:Smtp:RetryDelay"] = "00:00:00.050",
            ["Notifications:Smtp:Timeout"] = "00:00:05",
            ["Notifications:ClinicName"] = "CultureHealth Physiotherapy",
            ["Notifications:ClinicAddress"] = ClinicAddress,
            ["Notifications:PublicSiteUrl"] = SiteUrl,
            ["Notifications:StaffEmail"] = "staff@clinic.example",
            ["Notifications:ReminderPollInterval"] = "00:00:00.100",
            ["Notifications:ModerationDigestInterval"] = "00:00:01",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        return all;
    }

    public static async Task<string> NewVirtualHostAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        return await broker.CreateVirtualHostAsync("notif-" + Guid.NewGuid().ToString("N")[..8]);
    }

    public static string NewAddress(string who) => $"{who}-{Guid.NewGuid():N}@example.com";
}
