namespace CultureHealth.Content.Domain;

public enum ArticleStatus
{
    Draft,
    Scheduled,
    Published,
    Archived,
}

/// <summary>
/// draft → scheduled → published → archived. Staff may publish a draft at once, unschedule back to
/// draft, unpublish a live article back to draft, and restore an archived one as a draft; nothing
/// skips straight from archived to live, so a restored article is reviewed before it goes out again.
/// </summary>
public static class ArticleStatusMachine
{
    public static bool CanMove(this ArticleStatus from, ArticleStatus to) => (from, to) switch
    {
        (ArticleStatus.Draft, ArticleStatus.Scheduled) => true,
        (ArticleStatus.Draft, ArticleStatus.Published) => true,
        (ArticleStatus.Scheduled, ArticleStatus.Scheduled) => true, // a new date
        (ArticleStatus.Scheduled, ArticleStatus.Published) => true,
        (ArticleStatus.Scheduled, ArticleStatus.Draft) => true,
        (ArticleStatus.Published, ArticleStatus.Archived) => true,
        (ArticleStatus.Published, ArticleStatus.Draft) => true,
        (ArticleStatus.Archived, ArticleStatus.Draft) => true,
        _ => false,
    };

    public static bool IsPublic(this ArticleStatus status) => status == ArticleStatus.Published;

    public static string ToWire(this ArticleStatus status) => status.ToString().ToLowerInvariant();
}
