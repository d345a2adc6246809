using CultureHealth.Content.Domain;
using CultureHealth.ServiceDefaults.Problems;

namespace CultureHealth.Content.Application;

/// <summary>
/// The problems content's rules produce, in one place: use cases and endpoints throw these, and the shared
/// exception handler writes them as RFC 9457 problem details.
/// </summary>
public static class ContentProblems
{
    /// <summary>Worded like the endpoint's own field checks, which it follows: the same title, naming authorId.</summary>
    public static ProblemException UnknownAuthor() =>
        new(StatusCodes.Status400BadRequest, "The request has invalid fields", "No author with this id.", "authorId");

    public static ProblemException SlugTaken() => ProblemException.Conflict("Slug taken", "Another article uses or used this slug.");

    public static ProblemException SlugTakenMeanwhile() => ProblemException.Conflict("Slug taken", "Another article already uses this slug.");

    public static ProblemException EditConflict() =>
        ProblemException.Conflict("Edit conflict", "Someone else changed this article at the same time; reload it and try again.");

    public static ProblemException NotAllowedInStatus(ArticleTransitionException refused) =>
        ProblemException.Conflict("Not allowed in this status", refused.Message);

    public static ProblemException CommentsClosed(string reason) => ProblemException.Conflict("Comments are closed", reason);

    public static ProblemException DuplicateComment(string reason) => ProblemException.Conflict("Duplicate comment", reason);
}
