using System.Text;
using System.Text.RegularExpressions;

namespace CultureHealth.Content.Domain;

/// <summary>
/// The rules clinics know from blog platforms: first-time commenters wait for a moderator; a confirmed
/// email with an approved comment is trusted; too many links or a blocked word hold a comment even from a
/// trusted email; a filled honeypot is spam; duplicates, closed threads and over-deep replies are refused.
/// </summary>
public sealed partial class CommentModerator(CommentPolicy policy)
{
    public CommentDecision Decide(CommentSubmission submission)
    {
        if (!submission.CommentsOpen)
        {
            return CommentDecision.Refused(CommentRefusal.CommentsClosed, "Comments are closed on this article.");
        }
        if (submission.Depth > policy.MaxDepth)
        {
            return CommentDecision.Refused(CommentRefusal.TooDeep, $"Replies may nest at most {policy.MaxDepth} levels deep.");
        }
        if (!string.IsNullOrWhiteSpace(submission.Honeypot))
        {
            return new CommentDecision(CommentStatus.Spam, "honeypot field was filled in");
        }
        var normalised = Normalise(submission.Body);
        if (submission.RecentBodiesFromSameEmail.Any(b => Normalise(b) == normalised))
        {
            return CommentDecision.Refused(CommentRefusal.Duplicate, "You have already posted this comment.");
        }
        var links = CountLinks(submission.Body);
        if (links > policy.MaxLinks)
        {
            return new CommentDecision(CommentStatus.Pending, $"contains {links} links (more than {policy.MaxLinks})");
        }
        if (FindBlockedWord(submission.Body) is { } word)
        {
            return new CommentDecision(CommentStatus.Pending, $"contains the blocked word \"{word}\"");
        }
        return submission.KnownCommenter
            ? new CommentDecision(CommentStatus.Approved, "confirmed email with an approved comment")
            : new CommentDecision(CommentStatus.Pending, "first-time commenter");
    }

    public static int CountLinks(string body) => LinkPattern().Count(body ?? "");

    /// <summary>Lower case, whitespace collapsed: "Great  post!\n" and "great post!" are the same comment.</summary>
    public static string Normalise(string body) => string.Join(' ',
        (body ?? "").ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private string? FindBlockedWord(string body)
    {
        var words = " " + WordsOnly(body) + " ";
        return policy.BlockedWords
            .Select(w => (Original: w, Words: WordsOnly(w)))
            .Where(w => w.Words.Length > 0)
            .FirstOrDefault(w => words.Contains(" " + w.Words + " ", StringComparison.Ordinal)).Original;
    }

    /// <summary>Lower-case words separated by single spaces, so "Casino!" and "CASINO," both match "casino" but "casinos" does not.</summary>
    private static string WordsOnly(string text)
    {
        var result = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && result.Length > 0)
                {
                    result.Append(' ');
                }
                result.Append(c);
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return result.ToString();
    }

    [GeneratedRegex(@"https?://|www\.", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinkPattern();
}
