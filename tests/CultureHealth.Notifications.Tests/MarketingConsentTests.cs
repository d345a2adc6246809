using CultureHealth.Contracts;
using CultureHealth.Notifications.Composition;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Email;
using CultureHealth.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CultureHealth.Notifications.Tests;

/// <summary>
/// Issue 17: service emails always go; marketing emails only with consent. No marketing email is written yet, so
/// the rule is proven at the one place every email passes (the Mailer) with the marketing kind it knows.
/// </summary>
public sealed class MarketingConsentTests : IAsyncLifetime
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
    public async Task A_marketing_email_goes_only_to_an_address_whose_latest_word_is_consent_and_service_emails_always_go()
    {
        var consenting = NotificationsService.NewAddress("Yes-Please");
        var silent = NotificationsService.NewAddress("never-asked");
        var now = DateTimeOffset.UtcNow;
        await Bus.Publish(new PatientPreferencesChanged(Guid.NewGuid(), now, Guid.NewGuid(), consenting.ToUpperInvariant(), true, now));
        await Eventually.TrueAsync(() => _consumed.Completed<PatientPreferencesChanged>() >= 1, because: "the consent consumed");

        Assert.True(await SendAsync(MessageKinds.Newsletter, consenting));
        Assert.False(await SendAsync(MessageKinds.Newsletter, silent));
        // A service email to the address without consent still goes: it is the only email it receives.
        Assert.True(await SendAsync(MessageKinds.OrderPaid, silent));
        Assert.Single(await _smtp.WaitForAsync(consenting));
        var received = Assert.Single(await _smtp.WaitForAsync(silent));
        Assert.StartsWith(MessageKinds.OrderPaid, received.Subject, StringComparison.Ordinal);
        await using var db = _service.OpenDb();
        Assert.Equal([MessageKinds.OrderPaid], await db.SentMessages.AsNoTracking().Where(m => m.Recipient == silent).Select(m => m.Kind).ToListAsync());
    }

    [Fact]
    public async Task A_withdrawal_stops_marketing_email_and_older_news_arriving_late_does_not_bring_consent_back()
    {
        var address = NotificationsService.NewAddress("changed-mind");
        var patient = Guid.NewGuid();
        var t0 = DateTimeOffset.UtcNow.AddMinutes(-10);
        var given = new PatientPreferencesChanged(Guid.NewGuid(), t0, patient, address, true, t0);
        var withdrawn = new PatientPreferencesChanged(Guid.NewGuid(), t0.AddMinutes(5), patient, address, false, t0.AddMinutes(5));
        var staleYes = new PatientPreferencesChanged(Guid.NewGuid(), t0.AddMinutes(2), patient, address, true, t0.AddMinutes(2));

        await Bus.Publish(given);
        await Eventually.TrueAsync(() => _consumed.Completed<PatientPreferencesChanged>() >= 1, because: "the consent consumed");
        Assert.True(await SendAsync(MessageKinds.Newsletter, address));

        await Bus.Publish(withdrawn);
        await Bus.Publish(withdrawn); // redelivered
        await Bus.Publish(staleYes); // older than the withdrawal, arriving after it
        await Eventually.TrueAsync(() => _consumed.Completed<PatientPreferencesChanged>() >= 4, because: "every delivery consumed");

        Assert.False(await SendAsync(MessageKinds.Newsletter, address));
        await using var db = _service.OpenDb();
        var kept = await db.MarketingConsents.AsNoTracking().SingleAsync(c => c.Email == address);
        Assert.False(kept.Consent);
        Assert.Equal(withdrawn.ChangedAt, kept.ChangedAt, TimeSpan.FromTicks(TimeSpan.TicksPerMicrosecond));
        Assert.Single(await _smtp.WaitForAsync(address));
        Assert.Equal(1, await db.SentMessages.AsNoTracking().CountAsync(m => m.Recipient == address));
    }

    /// <summary>Sends through the Mailer as a consumer does, committing its sent-message row; false when it held the email back.</summary>
    private async Task<bool> SendAsync(string kind, string to)
    {
        await using var scope = _service.Factory.Services.CreateAsyncScope();
        var mailer = scope.ServiceProvider.GetRequiredService<Mailer>();
        var cause = new PatientPreferencesChanged(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), to, false, DateTimeOffset.UtcNow);
        var sent = await mailer.SendAsync(cause, null, kind, new EmailMessage(new EmailRecipient(to), $"{kind} for you", "<p>Hello</p>", "Hello", []), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().SaveChangesAsync();
        return sent;
    }
}
