using CultureHealth.Content.Application;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Content.Api;

public sealed record ConfirmCommenterEmailRequest(string? Token);

public static class CommenterEmailEndpoints
{
    /// <summary>The storefront's "confirm your email" page posts the link's token here.</summary>
    public static IEndpointRouteBuilder MapCommenterEmailApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/content/commenter-emails/confirm", ConfirmAsync).WithTags("Comments");
        return app;
    }

    private static async Task<NoContent> ConfirmAsync(ConfirmCommenterEmailRequest body, CommenterEmails commenters, CancellationToken ct)
    {
        await commenters.ConfirmAsync(body.Token?.Trim(), ct);
        return TypedResults.NoContent();
    }
}
