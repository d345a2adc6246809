using CultureHealth.Content.Domain;

namespace CultureHealth.Content.Tests.Domain;

public sealed class CommentModeratorTests
{
    private static readonly CommentModerator Moderator = new(new CommentPolicy
    {
        MaxLinks = 2,
        BlockedWords = ["casino", "cheap pills"],
        MaxDepth = 3,
    });

    private static CommentSubmission Submission(
        string body = "Really helpful, thank you.", int depth = 1, string? honeypot = null, bool open = true,
        bool trusted = false, params string[] recent) =>
        new(body, depth, honeypot, open, trusted, recent);

    [Fact]
    public void First_time_commenter_waits_for_moderation()
    {
        var decision = Moderator.Decide(Submission());
        Assert.Equal(CommentStatus.Pending, decision.Status);
        Assert.True(decision.Accepted);
        Assert.Equal("first-time commenter", decision.Reason);
    }

    [Fact]
    public void Email_with_an_approved_comment_is_auto_approved() =>
        Assert.Equal(CommentStatus.Approved, Moderator.Decide(Submission(trusted: true)).Status);

    [Theory]
    [InlineData("See https://a.example and http://b.example and www.c.example", CommentStatus.Pending)]
    [InlineData("See https://a.example and http://b.example", CommentStatus.Approved)]
    [InlineData("HTTPS://A.EXAMPLE HTTPS://B.EXAMPLE HTTPS://C.EXAMPLE", CommentStatus.Pending)]
    public void More_links_than_the_limit_hold_even_a_trusted_email(string body, CommentStatus expected) =>
        Assert.Equal(expected, Moderator.Decide(Submission(body, trusted: true)).Status);

    [Theory]
    [InlineData("Try the CASINO!", CommentStatus.Pending)]
    [InlineData("buy cheap   pills now", CommentStatus.Pending)]
    [InlineData("casinos are not mentioned", CommentStatus.Approved)]
    [InlineData("an occasional cheap pill", CommentStatus.Approved)]
    public void Blocked_words_match_whole_words_case_insensitively(string body, CommentStatus expected) =>
        Assert.Equal(expected, Moderator.Decide(Submission(body, trusted: true)).Status);

    [Fact]
    public void Filled_honeypot_is_silent_spam()
    {
        var decision = Moderator.Decide(Submission(honeypot: "https://spam.example", trusted: true));
        Assert.True(decision.Accepted);
        Assert.Equal(CommentStatus.Spam, decision.Status);
        Assert.True(decision.IsSilentSpam);
        Assert.Equal(CommentStatus.Pending, decision.StatusShownToSubmitter);
    }

    [Theory]
    [InlineData("Really helpful, thank you.")]
    [InlineData("  really   HELPFUL, thank you.\n")]
    public void Same_text_again_from_the_same_email_is_a_duplicate(string earlier)
    {
        var decision = Moderator.Decide(Submission(recent: earlier));
        Assert.False(decision.Accepted);
        Assert.Equal(CommentRefusal.Duplicate, decision.Refusal);
    }

    [Fact]
    public void Different_text_from_the_same_email_is_not_a_duplicate() =>
        Assert.True(Moderator.Decide(Submission(recent: "Something else entirely")).Accepted);

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void Replies_nest_to_the_depth_limit(int depth, bool accepted)
    {
        var decision = Moderator.Decide(Submission(depth: depth));
        Assert.Equal(accepted, decision.Accepted);
        if (!accepted)
        {
            Assert.Equal(CommentRefusal.TooDeep, decision.Refusal);
        }
    }

    [Fact]
    public void Closed_article_refuses_comments_before_any_other_rule() =>
        Assert.Equal(CommentRefusal.CommentsClosed, Moderator.Decide(Submission(open: false, honeypot: "bot", depth: 9)).Refusal);

    [Fact]
    public void Link_limit_is_configurable()
    {
        var strict = new CommentModerator(new CommentPolicy { MaxLinks = 0 });
        Assert.Equal(CommentStatus.Pending, strict.Decide(Submission("https://one.example", trusted: true)).Status);
    }
}
