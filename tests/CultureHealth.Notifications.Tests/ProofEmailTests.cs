using CultureHealth.Contracts;
using CultureHealth.Notifications.Data;
using CultureHealth.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Notifications.Tests;

/// <summary>Emails that carry a one-time secret sealed in their event: a sign-in code, a booking's confirmation link.</summary>
public sealed class ProofEmailTests : IAsyncLifetime
{
    private readonly ConsumeCounter _consumed = new();
    private SmtpSink _smtp = null!;
    private TestService<NotificationsDbContext> _service = null!;

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
    public async Task The_proof_code_and_its_link_reach_the_address_once_and_the_code_is_kept_nowhere()
    {
        var address = NotificationsService.NewAddress("prove");
        var now = DateTimeOffset.UtcNow;
        var requested = new EmailProofRequested(Guid.NewGuid(), now, Guid.NewGuid(), address, Seal("042917"), now.AddMinutes(10), "/account?tab=bookings");
        await Bus.Publish(requested);
        await Bus.Publish(requested);
        await Eventually.TrueAsync(() => _consumed.Completed<EmailProofRequested>() >= 2, because: "both deliveries consumed");

        var email = Assert.Single(await _smtp.WaitForAsync(address));
        Assert.Single(_smtp.To(address));
        Assert.DoesNotContain("042917", email.Subject, StringComparison.Ordinal);
        Assert.Contains("042917", email.Text(), StringComparison.Ordinal);
        Assert.Contains("<strong>042917</strong>", email.Html(), StringComparison.Ordinal);
        var link = $"{NotificationsService.SiteUrl}/account/verify?email={Uri.EscapeDataString(address)}&code=042917&returnUrl=%2Faccount%3Ftab%3Dbookings";
        Assert.Contains(link, email.Text(), StringComparison.Ordinal);
        Assert.Contains(link.Replace("&", "&amp;", StringComparison.Ordinal), email.Html(), StringComparison.Ordinal);
        Assert.Contains("10 minutes", email.Text(), StringComparison.Ordinal);
        await using var db = _service.OpenDb();
        var sent = await db.SentMessages.AsNoTracking().SingleAsync(m => m.Recipient == address);
        Assert.Equal("email-proof", sent.Kind);
        Assert.DoesNotContain("042917", sent.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_that_expired_before_it_could_be_sent_is_not_sent_and_an_unreadable_one_is_dead_lettered()
    {
        var late = NotificationsService.NewAddress("late");
        var tampered = NotificationsService.NewAddress("tampered");
        var onTime = NotificationsService.NewAddress("on-time");
        var now = DateTimeOffset.UtcNow;
        await Bus.Publish(new EmailProofRequested(Guid.NewGuid(), now.AddMinutes(-11), Guid.NewGuid(), late, Seal("111111"), now.AddMinutes(-1)));
        await Bus.Publish(new EmailProofRequested(Guid.NewGuid(), now, Guid.NewGuid(), tampered, "test.not-a-sealed-value", now.AddMinutes(10)));
        await Bus.Publish(new EmailProofRequested(Guid.NewGuid(), now, Guid.NewGuid(), onTime, Seal("222222"), now.AddMinutes(10)));

        await _smtp.WaitForAsync(onTime);
        await Eventually.TrueAsync(() => _consumed.Completed<EmailProofRequested>() >= 2 && _consumed.Faulted<EmailProofRequested>() >= 1,
            because: "the late one consumed, the tampered one faulted");
        Assert.Empty(_smtp.To(late));
        Assert.Empty(_smtp.To(tampered));
    }

    [Fact]
    public async Task A_guest_is_asked_to_confirm_their_booking_with_a_link_that_carries_the_manage_token()
    {
        var patient = NotificationsService.NewAddress("guest");
        var start = new DateTimeOffset(2026, 7, 15, 10, 0, 0, Events.Bst);
        var bookingId = Guid.NewGuid();
        var requested = new BookingConfirmationRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, bookingId, Guid.NewGuid(), "Priya Shah",
            Guid.NewGuid(), "Sports massage", start, start.AddMinutes(45), "Pat <Jones>", patient,
            DateTimeOffset.UtcNow.AddMinutes(15), Seal("tok_manage-123"));
        await Bus.Publish(requested);
        await Bus.Publish(requested);
        await Eventually.TrueAsync(() => _consumed.Completed<BookingConfirmationRequested>() >= 2, because: "both deliveries consumed");

        var email = Assert.Single(await _smtp.WaitForAsync(patient));
        Assert.Equal("Please confirm your booking for Wednesday 15 July 2026 at 10:00", email.Subject);
        var link = $"{NotificationsService.SiteUrl}/booking/confirm?booking={bookingId}&token=tok_manage-123";
        Assert.Contains(link, email.Text(), StringComparison.Ordinal);
        Assert.Contains("Pat &lt;Jones&gt;", email.Html(), StringComparison.Ordinal);
        Assert.Contains("Priya Shah", email.Text(), StringComparison.Ordinal);
        // Not an invitation yet: the calendar entry comes with the confirmation.
        Assert.Empty(email.Attachments);
    }

    [Fact]
    public async Task A_waitlist_offer_reaches_the_waiting_patient_once_with_the_link_that_takes_it_and_a_lapsed_one_is_not_sent()
    {
        var patient = NotificationsService.NewAddress("waiting");
        var late = NotificationsService.NewAddress("waited-too-long");
        var start = new DateTimeOffset(2026, 7, 16, 9, 30, 0, Events.Bst);
        var offerId = Guid.NewGuid();
        var offered = new WaitlistOfferMade(Guid.NewGuid(), DateTimeOffset.UtcNow, offerId, Guid.NewGuid(), Guid.NewGuid(), "Priya Shah",
            Guid.NewGuid(), "Sports massage", start, start.AddMinutes(45), "Pat <Jones>", patient,
            DateTimeOffset.UtcNow.AddMinutes(30), Seal("tok_offer-456"));
        await Bus.Publish(offered);
        await Bus.Publish(offered);
        await Bus.Publish(offered with { EventId = Guid.NewGuid(), OfferId = Guid.NewGuid(), PatientEmail = late, HoldUntil = DateTimeOffset.UtcNow.AddMinutes(-1) });
        await Eventually.TrueAsync(() => _consumed.Completed<WaitlistOfferMade>() >= 3, because: "every delivery consumed");

        var email = Assert.Single(await _smtp.WaitForAsync(patient));
        Assert.Equal("A time has come free: Thursday 16 July 2026 at 09:30", email.Subject);
        var link = $"{NotificationsService.SiteUrl}/booking/offer?offer={offerId}&token=tok_offer-456";
        Assert.Contains(link, email.Text(), StringComparison.Ordinal);
        Assert.Contains(link.Replace("&", "&amp;", StringComparison.Ordinal), email.Html(), StringComparison.Ordinal);
        Assert.Contains("Pat &lt;Jones&gt;", email.Html(), StringComparison.Ordinal);
        Assert.DoesNotContain("tok_offer-456", email.Subject, StringComparison.Ordinal);
        Assert.Empty(_smtp.To(late));
    }

    private static string Seal(string secret) => TestSecrets.Events.Seal(secret);
}
