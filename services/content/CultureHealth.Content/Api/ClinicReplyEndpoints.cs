using CultureHealth.Content.Application;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace CultureHealth.Content.Api;

public sealed record ClinicReplyRequest(string? Body);

/// <summary>
/// Editors read one comment and answer it as the clinic (<see cref="ClinicReplies"/>). Reached through admin's
/// forwarding, which audits it under the editor.
/// </summary>
public static class ClinicReplyEndpoints
{
    public static IEndpointRouteBuilder MapClinicReplyApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/manage/content/comments").WithTags("Moderation").RequireAuthorization(StaffPolicies.Editor);
        group.MapGet("/{id:guid}", GetAsync);
        group.MapPost("/{id:guid}/reply", ReplyAsync);
        return app;
    }

    private static async Task<Results<Ok<ModerationCommentDto>, NotFound>> GetAsync(Guid id, ModerationQueue queue, CancellationToken ct) =>
        await queue.GetAsync(id, ct) is { } comment ? TypedResults.Ok(comment) : TypedResults.NotFound();

    private static async Task<Results<Created<ModerationCommentDto>, NotFound, ValidationProblem>> ReplyAsync(
        Guid id, ClinicReplyRequest request, HttpContext http, ClinicReplies replies, IOptions<ContentOptions> options, CancellationToken ct)
    {
        var validator = new RequestValidator().Required("body", request.Body, options.Value.MaxCommentLength);
        if (validator.Failed)
        {
            return validator.Problem();
        }
        return await replies.ReplyAsync(id, request.Body!, StaffActor.Of(http), ct) is { } reply
            ? TypedResults.Created($"/manage/content/comments/{reply.Id}", reply)
            : TypedResults.NotFound();
    }
}
