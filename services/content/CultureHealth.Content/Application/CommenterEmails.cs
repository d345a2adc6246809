using CultureHealth.Content.Data;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Content.Application;

/// <summary>
/// Double opt-in for commenters' addresses. The first comment under an address (and again once a link lapsed)
/// sends it a confirmation link, sealed in an event for notifications to email; following the link confirms it.
/// Until then the address is not trusted to skip moderation and gets no reply emails, whatever was approved under it.
/// </summary>
internal sealed class CommenterEmails(ContentDbContext db, EventSecrets secrets, IOptions<ContentOptions> options, TimeProvider clock)
{
    private ContentOptions Options => options.Value;

    public Task<bool> IsConfirmedAsync(string email, CancellationToken ct) =>
        db.CommenterEmails.AnyAsync(c => c.Email == email && c.ConfirmedAt != null, ct);

    /// <summary>
    /// Adds to the caller's unit of work (its SaveChanges commits it with the comment): the address's row, and a
    /// new link when one is due. Concurrent first comments from one address may both send a link; either works.
    /// </summary>
    public async Task RequestConfirmationIfDueAsync(string email, string authorName, DateTimeOffset now, CancellationToken ct)
    {
        // Two first comments at once must not collide on the key: the row is made outside the unit of work.
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO commenter_emails (email, first_used_at) VALUES ({email}, {now}) ON CONFLICT (email) DO NOTHING", ct);
        var row = await db.CommenterEmails.SingleAsync(c => c.Email == email, ct);

        if (!row.ConfirmationDue(now, Options.CommenterConfirmationResendAfter))
        {
            return;
        }

        var token = ConfirmationToken.Generate();
        row.ConfirmationTokenHash = token.Hash;
        row.ConfirmationSentAt = now;
        row.ConfirmationExpiresAt = now + Options.CommenterConfirmationLifetime;
        db.PublishOnCommit(new CommenterEmailConfirmationRequested(
            Guid.NewGuid(), now, email, authorName, secrets.Seal(token.Value), row.ConfirmationExpiresAt.Value), now);
    }

    /// <summary>Confirms the address behind a link's token; following the same link again is fine.</summary>
    /// <exception cref="ProblemException">400 naming token: unknown, lapsed or malformed.</exception>
    public async Task ConfirmAsync(string? token, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var hash = token is { Length: ConfirmationToken.TokenLength } ? ConfirmationToken.HashOf(token) : null;
        var row = hash is null ? null : await db.CommenterEmails.FirstOrDefaultAsync(c => c.ConfirmationTokenHash == hash, ct);
        if (row is null || row.ConfirmationExpiresAt <= now)
        {
            throw ProblemException.Invalid("token", "This confirmation link is not valid or has expired. Comment again to get a new one.");
        }

        if (row.IsConfirmed)
        {
            return;
        }

        row.ConfirmedAt = now;
        db.PublishOnCommit(new CommenterEmailConfirmed(Guid.NewGuid(), now, row.Email), now);
        await db.SaveChangesAsync(ct);
    }
}
