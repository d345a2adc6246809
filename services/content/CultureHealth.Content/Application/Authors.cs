using CultureHealth.Content.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Application;

public sealed record AuthorDto(Guid Id, string Name, string Title, string? Bio, string? PhotoUrl);

/// <summary>The clinic's writers; only active ones are shown, to the public and to editors choosing an article's author.</summary>
public sealed class Authors(ContentDbContext db)
{
    public Task<List<AuthorDto>> ActiveAsync(CancellationToken ct) =>
        db.Authors.AsNoTracking().Where(a => a.Active).OrderBy(a => a.Name)
            .Select(a => new AuthorDto(a.Id, a.Name, a.Title, a.Bio, a.PhotoUrl)).ToListAsync(ct);

    /// <returns>The active author with this id, or null.</returns>
    public async Task<AuthorDto?> FindAsync(Guid id, CancellationToken ct) =>
        await db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.Active, ct) is { } a
            ? new AuthorDto(a.Id, a.Name, a.Title, a.Bio, a.PhotoUrl)
            : null;
}
