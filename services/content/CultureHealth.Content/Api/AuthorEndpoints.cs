using CultureHealth.Content.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Api;

public sealed record AuthorDto(Guid Id, string Name, string Title, string? Bio, string? PhotoUrl);

public static class AuthorEndpoints
{
    public static IEndpointRouteBuilder MapAuthorApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/content/authors").WithTags("Authors");
        group.MapGet("/", ActiveAsync);
        group.MapGet("/{id:guid}", async Task<Results<Ok<AuthorDto>, NotFound>> (Guid id, ContentDbContext db, CancellationToken ct) =>
            await db.Authors.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.Active, ct) is { } a
                ? TypedResults.Ok(new AuthorDto(a.Id, a.Name, a.Title, a.Bio, a.PhotoUrl))
                : TypedResults.NotFound());
        // Editors choose an article's author from the same list (admin forwards /api/admin/content/authors here).
        app.MapGet("/manage/content/authors", ActiveAsync).WithTags("Manage articles").RequireAuthorization(CultureHealth.ServiceDefaults.Auth.StaffPolicies.Editor);
        return app;
    }

    private static async Task<Ok<List<AuthorDto>>> ActiveAsync(ContentDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Authors.AsNoTracking().Where(a => a.Active).OrderBy(a => a.Name)
            .Select(a => new AuthorDto(a.Id, a.Name, a.Title, a.Bio, a.PhotoUrl)).ToListAsync(ct));
}
