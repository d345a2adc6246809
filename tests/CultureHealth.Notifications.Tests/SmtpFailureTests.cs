using CultureHealth.Contracts;
using CultureHealth.Messaging.Inbox;
using CultureHealth.Notifications.Data;
using CultureHealth.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Notifications.Tests;

public sealed class SmtpRefusalTests : IAsyncLifetime
{
    private SmtpSink _smtp = null!;
    private TestService<NotificationsDbContext> _service = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpSink.StartedAsync();
        _service = await NotificationsService.StartAsync(_smtp);
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task A_transient_refusal_is_retried_and_the_email_arrives_once()
    {
        var customer = NotificationsService.NewAddress("retry");
        _smtp.RefuseNext(2);
        var shipped = new OrderShipped(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), "CH-3003", customer);
        await _service.GetRequiredService<IBus>().Publish(shipped);

        Assert.Single(await _smtp.WaitForAsync(customer));
        await using var db = _service.OpenDb();
        Assert.Equal(1, await db.SentMessages.CountAsync(m => m.EventId == shipped.EventId));
    }
}

/// <summary>
/// SMTP is down for the whole of a delivery: the email tries and the broker's retries run out, the inbox row
/// rolls back with everything else, and the message goes to the _error queue. Replayed once SMTP is back,
/// it sends exactly one email.
/// </summary>
public sealed class SmtpOutageTests : IAsyncLifetime
{
    private readonly ConsumeCounter _consumed = new();
    private SmtpSink _smtp = null!;
    private TestService<NotificationsDbContext> _service = null!;

    public async Task InitializeAsync()
    {
        _smtp = SmtpSink.Stopped();
        _service = await NotificationsService.StartAsync(_smtp, _consumed);
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task An_event_that_could_not_be_emailed_is_dead_lettered_and_acts_once_when_replayed()
    {
        var bus = _service.GetRequiredService<IBus>();
        var dead = new TaskCompletionSource<BookingConfirmed>(TaskCreationOptions.RunContinuationsAsynchronously);
        var deadBody = "";
        var errorQueue = bus.ConnectReceiveEndpoint("notifications-booking-confirmed_error", e =>
            e.Handler<BookingConfirmed>(context =>
            {
                // Reading the _error queue as an operator would.
                deadBody = context.ReceiveContext.Body.GetString();
                dead.TrySetResult(context.Message);
                return Task.CompletedTask;
            }));
        await errorQueue.Ready;

        var patient = NotificationsService.NewAddress("outage");
        var confirmed = Events.Confirmed(patient, new DateTimeOffset(2031, 7, 16, 10, 0, 0, Events.Bst));
        await bus.Publish(confirmed);

        var parked = await dead.Task.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(confirmed.EventId, parked.EventId);
        // What sits in the _error queue (and so in the management UI and any dump of it) holds no usable manage link.
        Assert.Contains(confirmed.BookingId.ToString(), deadBody, StringComparison.Ordinal);
        Assert.DoesNotContain(Events.ManageToken, deadBody, StringComparison.Ordinal);
        await Eventually.TrueAsync(() => Task.FromResult(_consumed.Faulted<BookingConfirmed>() >= 1), because: "the consumer reported the fault");
        await using (var db = _service.OpenDb())
        {
            Assert.False(await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == confirmed.EventId));
            Assert.False(await db.SentMessages.AnyAsync(m => m.EventId == confirmed.EventId));
            Assert.False(await db.ScheduledReminders.AnyAsync(r => r.BookingId == confirmed.BookingId));
        }

        await _smtp.StartAsync();
        await bus.Publish(parked); // the operator's replay
        Assert.Single(await _smtp.WaitForAsync(patient));
        // The email reaches the server a moment before the consumer's transaction commits its record.
        await Eventually.TrueAsync(async () =>
        {
            await using var db = _service.OpenDb();
            return await db.SentMessages.CountAsync(m => m.EventId == confirmed.EventId) == 1
                && await db.ScheduledReminders.AnyAsync(r => r.BookingId == confirmed.BookingId);
        }, TimeSpan.FromSeconds(30), "the replay's send and reminder were committed");
        Assert.Contains($"?token={Events.ManageToken}", Assert.Single(_smtp.To(patient)).TextBody, StringComparison.Ordinal);
    }
}
