using CultureHealth.Content.Application;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Content.Api;

public static class AuthorEndpoints
{
    public static IEndpointRouteBuilder MapAuthorApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/content/authors").WithTags("Authors");
        group.MapGet("/", ActiveAsync);
        group.MapGet("/{id:guid}", async Task<Results<Ok<AuthorDto>, NotFound>> (Guid id, Authors authors, CancellationToken ct) =>
            await authors.FindAsync(id, ct) is { } author ? TypedResults.Ok(author) : TypedResults.NotFound());
        // Editors choose an article's author from the same list (admin forwards /api/admin/content/authors here).
        app.MapGet("/manage/content/authors", ActiveAsync).WithTags("Manage articles").RequireAuthorization(CultureHealth.ServiceDefaults.Auth.StaffPolicies.Editor);
        return app;
    }

    private static async Task<Ok<List<AuthorDto>>> ActiveAsync(Authors authors, CancellationToken ct) =>
        TypedResults.Ok(await authors.ActiveAsync(ct));
}
