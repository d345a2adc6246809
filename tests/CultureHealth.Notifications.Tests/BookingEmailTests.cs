using CultureHealth.Contracts;
using CultureHealth.Notifications.Composition;
using CultureHealth.Notifications.Data;
using CultureHealth.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using static CultureHealth.Notifications.Tests.MailAssertions;

namespace CultureHealth.Notifications.Tests;

/// <summary>Booking events in, patient emails out through a real SMTP server, invitations that calendars accept.</summary>
public sealed class BookingEmailTests : IAsyncLifetime
{
    private readonly ConsumeCounter _consumed = new();
    private SmtpSink _smtp = null!;
    private TestService<NotificationsDbContext> _service = null!;

    // 10:00 in London on a summer day (BST), so the UTC hour (09:00) must not leak into the email.
    private static readonly DateTimeOffset SummerTen = new(2031, 7, 16, 10, 0, 0, Events.Bst);

    public async Task InitializeAsync()
    {
        _smtp = await SmtpSink.StartedAsync();
        _service = await NotificationsService.StartAsync(_smtp, _consumed);
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private IBus Bus => _service.GetRequiredService<IBus>();

    [Fact]
    public async Task BookingConfirmed_delivered_twice_sends_one_confirmation_with_text_html_London_time_and_a_parsable_invitation()
    {
        var patient = NotificationsService.NewAddress("pat");
        var confirmed = Events.Confirmed(patient, SummerTen);

        // The same event twice, at once: the inbox lets one act, the other waits on it and then skips.
        await Task.WhenAll(Bus.Publish(confirmed), Bus.Publish(confirmed));
        await Eventually.TrueAsync(() => Task.FromResult(_consumed.Completed<BookingConfirmed>() >= 2), because: "both copies consumed");

        var email = Assert.Single(await _smtp.WaitForAsync(patient));
        Assert.Contains("Booking confirmed", email.Subject, StringComparison.Ordinal);
        Assert.NotNull(email.TextBody);
        Assert.NotNull(email.HtmlBody);
        foreach (var body in new[] { email.TextBody, email.HtmlBody })
        {
            Assert.Contains("Wednesday 16 July 2031 at 10:00", body, StringComparison.Ordinal);
            Assert.Contains("10:45", body, StringComparison.Ordinal);
            Assert.Contains("Priya Shah", body, StringComparison.Ordinal);
            Assert.Contains("Sports massage", body, StringComparison.Ordinal);
            Assert.Contains(NotificationsService.ClinicAddress, body, StringComparison.Ordinal);
            Assert.Contains($"{NotificationsService.SiteUrl}/bookings/{confirmed.BookingId}?token=tok_abc-123", body, StringComparison.Ordinal);
        }

        var ics = Invitation(email);
        var lines = UnfoldedLines(ics);
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Contains("METHOD:REQUEST", lines);
        Assert.Contains($"UID:{confirmed.BookingId}@culturehealth", lines);
        Assert.Contains("DTSTART;TZID=Europe/London:20310716T100000", lines);
        Assert.Contains("SEQUENCE:0", lines);
        // The manage link is a bearer secret: it stays in the email body and out of the invitation, which
        // calendars copy, sync and share with everyone invited.
        Assert.DoesNotContain(Events.ManageToken, ics, StringComparison.Ordinal);
        Assert.DoesNotContain("/bookings/", ics, StringComparison.Ordinal);
        var calendarEvent = SingleEvent(ics);
        Assert.Equal($"{confirmed.BookingId}@culturehealth", calendarEvent.Uid);
        Assert.Equal("Europe/London", calendarEvent.DtStart!.TzId);
        Assert.Equal(10, calendarEvent.DtStart.Hour);
        Assert.Equal($"mailto:{patient}", calendarEvent.Attendees.Single().Value?.ToString());

        // Still exactly one, after both deliveries finished, and recorded once with the Message-ID the server saw.
        Assert.Single(_smtp.To(patient));
        await using var db = _service.OpenDb();
        var sent = Assert.Single(await db.SentMessages.AsNoTracking().Where(m => m.EventId == confirmed.EventId).ToListAsync());
        Assert.Equal(MessageKinds.BookingConfirmed, sent.Kind);
        Assert.Equal(patient, sent.Recipient);
        Assert.Equal(confirmed.BookingId, sent.Reference);
        Assert.Equal(email.MessageId, sent.ProviderMessageId);
    }

    [Fact]
    public async Task Cancellation_sends_METHOD_CANCEL_with_the_same_UID_and_a_higher_SEQUENCE()
    {
        var patient = NotificationsService.NewAddress("cancel");
        var confirmed = Events.Confirmed(patient, SummerTen);
        await Bus.Publish(confirmed);
        var invite = UnfoldedLines(Invitation(Assert.Single(await _smtp.WaitForAsync(patient))));

        await Bus.Publish(Events.Cancelled(confirmed, sequence: 1));
        var notice = (await _smtp.WaitForAsync(patient, 2)).Single(m => (m.Subject ?? "").Contains("cancelled", StringComparison.Ordinal));

        var ics = Invitation(notice);
        var lines = UnfoldedLines(ics);
        Assert.Contains("METHOD:CANCEL", lines);
        Assert.Contains("STATUS:CANCELLED", lines);
        Assert.Equal(invite.Single(l => l.StartsWith("UID:", StringComparison.Ordinal)), lines.Single(l => l.StartsWith("UID:", StringComparison.Ordinal)));
        var calendarEvent = SingleEvent(ics);
        Assert.True(calendarEvent.Sequence > 0);
        // The name came from the confirmation, which the cancellation event does not carry.
        Assert.Contains("Dear Pat Jones", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("Wednesday 16 July 2031 at 10:00", notice.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reschedule_sends_an_updated_REQUEST_for_the_same_event_at_the_new_winter_time()
    {
        var patient = NotificationsService.NewAddress("move");
        var confirmed = Events.Confirmed(patient, SummerTen);
        await Bus.Publish(confirmed);
        await _smtp.WaitForAsync(patient);

        // Across the October change: 14:30 GMT is 14:30 UTC.
        var winter = new DateTimeOffset(2031, 11, 4, 14, 30, 0, TimeSpan.Zero);
        await Bus.Publish(Events.Rescheduled(confirmed, winter, sequence: 1));
        var moved = (await _smtp.WaitForAsync(patient, 2)).Single(m => (m.Subject ?? "").Contains("moved", StringComparison.Ordinal));

        var lines = UnfoldedLines(Invitation(moved));
        Assert.Contains("METHOD:REQUEST", lines);
        Assert.Contains($"UID:{confirmed.BookingId}@culturehealth", lines);
        Assert.Contains("SEQUENCE:1", lines);
        Assert.Contains("DTSTART;TZID=Europe/London:20311104T143000", lines);
        Assert.Contains("Tuesday 4 November 2031 at 14:30", moved.TextBody, StringComparison.Ordinal);
        Assert.Contains("Wednesday 16 July 2031 at 10:00", moved.TextBody, StringComparison.Ordinal);

        // The email leaves before the consumer's transaction commits, so the reminder row may lag a moment.
        var reminder = await Eventually.GetAsync(async () =>
        {
            await using var db = _service.OpenDb();
            return await db.ScheduledReminders.AsNoTracking().SingleAsync(r => r.BookingId == confirmed.BookingId);
        }, r => r.Sequence == 1, TimeSpan.FromSeconds(10), "the reminder moved with the booking");
        Assert.Equal(winter, reminder.Start);
    }

    [Fact]
    public async Task A_reschedule_older_than_the_cancellation_sends_no_notice()
    {
        var patient = NotificationsService.NewAddress("late");
        var confirmed = Events.Confirmed(patient, SummerTen);
        await Bus.Publish(confirmed);
        await Bus.Publish(Events.Cancelled(confirmed, sequence: 2));
        await _smtp.WaitForAsync(patient, 2);

        await Bus.Publish(Events.Rescheduled(confirmed, SummerTen.AddDays(1), sequence: 1));
        await Eventually.TrueAsync(() => Task.FromResult(_consumed.Completed<BookingRescheduled>() >= 1), because: "stale reschedule consumed");

        Assert.DoesNotContain(_smtp.To(patient), m => (m.Subject ?? "").Contains("moved", StringComparison.Ordinal));
    }
}
