using CultureHealth.Contracts;
using CultureHealth.Notifications.Composition;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Reminders;
using CultureHealth.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CultureHealth.Notifications.Tests;

/// <summary>The reminder sweep on a fake clock: moving time forward brings appointments into the 24-hour window.</summary>
public sealed class ReminderTests : IAsyncLifetime
{
    private readonly ConsumeCounter _consumed = new();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private SmtpSink _smtp = null!;
    private TestService<NotificationsDbContext> _service = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpSink.StartedAsync();
        _service = await NotificationsService.StartAsync(_smtp, _consumed,
            settings: new Dictionary<string, string?>
            {
                ["Notifications:ReminderLeadTime"] = "1.00:00:00",
                ["Notifications:ReminderPollInterval"] = "00:01:00",
            },
            services: s => s.AddSingleton<TimeProvider>(_clock));
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_reminder_goes_once_for_a_booking_entering_the_window_and_never_for_a_cancelled_one()
    {
        var bus = _service.GetRequiredService<IBus>();
        var kept = NotificationsService.NewAddress("kept");
        var dropped = NotificationsService.NewAddress("dropped");
        var keptBooking = Events.Confirmed(kept, _clock.GetUtcNow().AddHours(30).ToOffset(Events.Bst));
        // Earlier than the kept one, so the sweep (soonest first) would reach it first if it were eligible.
        var droppedBooking = Events.Confirmed(dropped, _clock.GetUtcNow().AddHours(29).ToOffset(Events.Bst));
        await bus.Publish(keptBooking);
        await bus.Publish(droppedBooking);
        await _smtp.WaitForAsync(kept);
        await _smtp.WaitForAsync(dropped);
        await bus.Publish(Events.Cancelled(droppedBooking));
        await _smtp.WaitForAsync(dropped, 2);
        Assert.DoesNotContain(_smtp.Received, IsReminder);

        // Both are now 22-23 hours away: inside the 24-hour window.
        _clock.Advance(TimeSpan.FromHours(7));

        var reminder = (await Eventually.GetAsync(() => Task.FromResult(_smtp.To(kept).Where(IsReminder).ToList()), r => r.Count > 0,
            because: "the kept booking's reminder")).Single();
        Assert.Contains("Sports massage", reminder.TextBody, StringComparison.Ordinal);
        Assert.Contains("Priya Shah", reminder.HtmlBody, StringComparison.Ordinal);
        Assert.Contains(EmailWording.ClinicDateTime(keptBooking.Start), reminder.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(_smtp.To(dropped), IsReminder);

        // Another sweep finds nothing left to send: the reminder went once.
        var sender = _service.GetRequiredService<IEnumerable<IHostedService>>().OfType<ReminderSender>().Single();
        Assert.Equal(0, await sender.SendDueAsync(CancellationToken.None));
        await using var db = _service.OpenDb();
        Assert.Equal(1, await db.SentMessages.CountAsync(m => m.Kind == MessageKinds.BookingReminder && m.Reference == keptBooking.BookingId));
        Assert.False(await db.SentMessages.AnyAsync(m => m.Kind == MessageKinds.BookingReminder && m.Reference == droppedBooking.BookingId));
        Assert.Single(_smtp.To(kept), IsReminder);
    }

    private static bool IsReminder(MimeKit.MimeMessage m) => (m.Subject ?? "").StartsWith("Reminder", StringComparison.Ordinal);
}

/// <summary>Two replicas on one database both sweep every 50 ms; the conditional claim lets only one send each reminder.</summary>
public sealed class TwoReplicaReminderTests : IAsyncLifetime
{
    private SmtpSink _smtp = null!;
    private TestService<NotificationsDbContext> _first = null!;
    private TestService<NotificationsDbContext> _second = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpSink.StartedAsync();
        var vhost = await NotificationsService.NewVirtualHostAsync();
        var fast = new Dictionary<string, string?> { ["Notifications:ReminderPollInterval"] = "00:00:00.050" };
        _first = await NotificationsService.StartAsync(_smtp, settings: fast, rabbitMq: vhost);
        _second = await TestService<NotificationsDbContext>.StartAsync("notifications", vhost,
            settings: NotificationsService.Settings(_smtp, fast),
            database: _first.DatabaseConnectionString);
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Each_due_reminder_is_sent_by_exactly_one_replica()
    {
        var bus = _first.GetRequiredService<IBus>();
        var patients = Enumerable.Range(0, 6).Select(i => NotificationsService.NewAddress($"twin{i}")).ToList();
        foreach (var patient in patients)
        {
            await bus.Publish(Events.Confirmed(patient, DateTimeOffset.UtcNow.AddHours(2).ToOffset(Events.Bst)));
        }

        foreach (var patient in patients)
        {
            await _smtp.WaitForAsync(patient, 2);
        }
        await using var db = _first.OpenDb();
        await Eventually.TrueAsync(async () => await db.ScheduledReminders.CountAsync(r => r.SentAt != null) == patients.Count,
            because: "every reminder claimed");
        Assert.All(patients, p => Assert.Single(_smtp.To(p), m => (m.Subject ?? "").StartsWith("Reminder", StringComparison.Ordinal)));
        Assert.Equal(patients.Count, await db.SentMessages.CountAsync(m => m.Kind == MessageKinds.BookingReminder));
    }
}
