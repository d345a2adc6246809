using CultureHealth.Content.Domain;

namespace CultureHealth.Content.Tests.Domain;

public sealed class ArticleStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 29, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ArticleStatus.Draft, ArticleStatus.Scheduled, true)]
    [InlineData(ArticleStatus.Draft, ArticleStatus.Published, true)]
    [InlineData(ArticleStatus.Draft, ArticleStatus.Archived, false)]
    [InlineData(ArticleStatus.Scheduled, ArticleStatus.Published, true)]
    [InlineData(ArticleStatus.Scheduled, ArticleStatus.Draft, true)]
    [InlineData(ArticleStatus.Scheduled, ArticleStatus.Archived, false)]
    [InlineData(ArticleStatus.Published, ArticleStatus.Archived, true)]
    [InlineData(ArticleStatus.Published, ArticleStatus.Draft, true)]
    [InlineData(ArticleStatus.Published, ArticleStatus.Scheduled, false)]
    [InlineData(ArticleStatus.Published, ArticleStatus.Published, false)]
    [InlineData(ArticleStatus.Archived, ArticleStatus.Published, false)]
    [InlineData(ArticleStatus.Archived, ArticleStatus.Draft, true)]
    public void Guards_transitions(ArticleStatus from, ArticleStatus to, bool allowed) => Assert.Equal(allowed, from.CanMove(to));

    [Fact]
    public void Draft_to_scheduled_to_published_to_archived()
    {
        var article = new Article();
        article.Schedule(Now.AddDays(1), Now);
        Assert.Equal(ArticleStatus.Scheduled, article.Status);
        Assert.Equal(Now.AddDays(1), article.PublishAt);

        article.Publish(Now.AddDays(1));
        Assert.Equal(ArticleStatus.Published, article.Status);
        Assert.Equal(Now.AddDays(1), article.PublishedAt);
        Assert.Null(article.PublishAt);

        article.Archive(Now.AddDays(2));
        Assert.Equal(ArticleStatus.Archived, article.Status);
    }

    [Fact]
    public void Scheduling_in_the_past_is_refused() =>
        Assert.Throws<ArticleTransitionException>(() => new Article().Schedule(Now.AddMinutes(-1), Now));

    [Fact]
    public void Publishing_twice_is_refused()
    {
        var article = new Article();
        article.Publish(Now);
        Assert.Throws<ArticleTransitionException>(() => article.Publish(Now));
    }

    [Fact]
    public void Republishing_after_unpublish_keeps_the_original_date()
    {
        var article = new Article();
        article.Publish(Now);
        article.ReturnToDraft(Now.AddDays(1));
        article.Publish(Now.AddDays(2));
        Assert.Equal(Now, article.PublishedAt);
    }

    [Fact]
    public void Body_is_rendered_and_timed_when_set()
    {
        var article = new Article();
        article.SetBody("## Warm up\n\nWalk for **five** minutes.");
        Assert.Contains("<h2>Warm up</h2>", article.BodyHtml, StringComparison.Ordinal);
        Assert.Contains("<strong>five</strong>", article.BodyHtml, StringComparison.Ordinal);
        Assert.Equal(1, article.ReadingTimeMinutes);
    }
}
