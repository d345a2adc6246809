using CultureHealth.Content.Data;
using CultureHealth.Content.Domain;
using CultureHealth.Messaging.Erasure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Application;

public sealed record ContentCommentData(
    Guid Id, string ArticleSlug, string ArticleTitle, Guid? ParentId, string AuthorName, string AuthorEmail,
    string Body, string Status, DateTimeOffset CreatedAt, DateTimeOffset? ModeratedAt);

public sealed record CommenterEmailData(DateTimeOffset FirstUsedAt, DateTimeOffset? ConfirmedAt);

/// <summary>Everything content holds about one address (UK GDPR right of access).</summary>
public sealed record ContentPatientData(string Email, IReadOnlyList<ContentCommentData> Comments, CommenterEmailData? CommenterEmail);

/// <summary>
/// A patient's data in content: their comments (by the address they typed) and the address's confirmation record.
/// Erasure keeps a comment's place in its thread, since replies by others hang under it, but removes its author's
/// name, address, text and IP hash, and forgets the address's confirmation.
/// </summary>
public sealed class PatientData(ContentDbContext db, IOutputCacheStore cache)
{
    public async Task<ContentPatientData> ExportAsync(string email, CancellationToken ct)
    {
        var comments = await (
                from c in db.Comments.AsNoTracking()
                join a in db.Articles.AsNoTracking() on c.ArticleId equals a.Id
                where c.AuthorEmail == email
                orderby c.CreatedAt
                select new { c, a.Slug, a.Title })
            .ToListAsync(ct);
        var commenter = await db.CommenterEmails.AsNoTracking().FirstOrDefaultAsync(e => e.Email == email, ct);
        return new ContentPatientData(
            email,
            comments.Select(x => new ContentCommentData(x.c.Id, x.Slug, x.Title, x.c.ParentId, x.c.AuthorName, x.c.AuthorEmail,
                x.c.Body, x.c.Status.ToWire(), x.c.CreatedAt, x.c.ModeratedAt)).ToList(),
            commenter is null ? null : new CommenterEmailData(commenter.FirstUsedAt, commenter.ConfirmedAt));
    }

    /// <summary>Runs in the caller's transaction.</summary>
    public async Task<ErasedRecords> EraseAsync(string email, CancellationToken ct)
    {
        var ids = await db.Comments.Where(c => c.AuthorEmail == email).Select(c => c.Id).ToListAsync(ct);
        if (ids.Count > 0)
        {
            await db.Comments.Where(c => ids.Contains(c.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.AuthorName, ErasedPersonalData.Name)
                .SetProperty(c => c.AuthorEmail, ErasedPersonalData.Email)
                .SetProperty(c => c.Body, ErasedPersonalData.Text)
                .SetProperty(c => c.IpHash, (string?)null), ct);
        }
        var addresses = await db.CommenterEmails.Where(e => e.Email == email).ExecuteDeleteAsync(ct);
        if (ids.Count > 0)
        {
            // Public threads show the author's name: this replica stops serving it now, others when their entry expires.
            await cache.EvictCommentsAsync(ct);
        }
        return new ErasedRecords(ids.Count + addresses, ids);
    }
}
