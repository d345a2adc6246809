namespace CultureHealth.Content.Domain;

/// <summary>An article and its publishing state. Status changes go through the methods so the state machine holds.</summary>
public sealed class Article
{
    public Guid Id { get; init; }
    public string Title { get; set; } = "";
    public string Slug { get; set; } = "";
    public string? Excerpt { get; set; }
    public string BodyMarkdown { get; private set; } = "";
    /// <summary>Sanitised at write time, so every read serves it as is.</summary>
    public string BodyHtml { get; private set; } = "";
    public int ReadingTimeMinutes { get; private set; }
    public string? FeaturedImageUrl { get; set; }
    public Guid AuthorId { get; set; }
    public Author? Author { get; set; }
    public List<string> Tags { get; set; } = [];
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }
    /// <summary>Booking's appointment type code the article invites readers to book, e.g. "initial-assessment".</summary>
    public string? CallToActionAppointmentType { get; set; }
    public ArticleStatus Status { get; private set; } = ArticleStatus.Draft;
    public DateTimeOffset? PublishAt { get; private set; }
    public DateTimeOffset? PublishedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public bool CommentsOpen { get; set; } = true;
    /// <summary>PostgreSQL xmin: two editors (or an editor and the scheduler) cannot both win.</summary>
    public uint Version { get; private set; }

    public void SetBody(string markdown)
    {
        BodyMarkdown = markdown;
        BodyHtml = SafeMarkdown.ToHtml(markdown);
        ReadingTimeMinutes = ReadingTime.Minutes(markdown);
    }

    public void Schedule(DateTimeOffset publishAt, DateTimeOffset now)
    {
        Move(ArticleStatus.Scheduled);
        if (publishAt <= now)
        {
            throw new ArticleTransitionException(Status, ArticleStatus.Scheduled, "A scheduled publish time must be in the future.");
        }
        Status = ArticleStatus.Scheduled;
        PublishAt = publishAt;
        UpdatedAt = now;
    }

    public void Publish(DateTimeOffset now)
    {
        Move(ArticleStatus.Published);
        Status = ArticleStatus.Published;
        PublishAt = null;
        // Republishing after an unpublish keeps the original date, so feeds do not announce it as new.
        PublishedAt ??= now;
        UpdatedAt = now;
    }

    public void Archive(DateTimeOffset now)
    {
        Move(ArticleStatus.Archived);
        Status = ArticleStatus.Archived;
        UpdatedAt = now;
    }

    public void ReturnToDraft(DateTimeOffset now)
    {
        Move(ArticleStatus.Draft);
        Status = ArticleStatus.Draft;
        PublishAt = null;
        UpdatedAt = now;
    }

    private void Move(ArticleStatus to)
    {
        if (!Status.CanMove(to))
        {
            throw new ArticleTransitionException(Status, to);
        }
    }
}
