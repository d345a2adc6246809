using System.Globalization;
using CultureHealth.Contracts;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Email;
using CultureHealth.Notifications.Templates;
using Microsoft.Extensions.Options;

namespace CultureHealth.Notifications.Composition;

/// <summary>Emails about comments (to a commenter) and the shop (to staff).</summary>
public sealed class CommunityEmails(EmailTemplates templates, IOptions<NotificationsOptions> options)
{
    private NotificationsOptions Options => options.Value;

    public EmailMessage ReplyApproved(KnownComment parent, KnownComment? reply, CommentModerated approval)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(approval);
        var slug = approval.ArticleSlug.Length > 0 ? approval.ArticleSlug : parent.ArticleSlug;
        var values = new TemplateValues
        {
            ["parentAuthorName"] = parent.AuthorName,
            ["replyAuthorName"] = reply is { AuthorName.Length: > 0 } ? reply.AuthorName : "Someone",
            ["articleTitle"] = parent.ArticleTitle,
            ["excerpt"] = reply?.Excerpt ?? "",
            ["commentUrl"] = $"{EmailTemplates.SiteUrl(Options)}/articles/{Uri.EscapeDataString(slug)}#comment-{approval.CommentId:D}",
        };
        return Compose(MessageKinds.CommentReply, new EmailRecipient(parent.AuthorEmail, parent.AuthorName),
            $"New reply to your comment on {parent.ArticleTitle}", values);
    }

    /// <param name="token">The confirmation token, opened from the sealed event.</param>
    public EmailMessage CommenterConfirmation(CommenterEmailConfirmationRequested request, string token)
    {
        ArgumentNullException.ThrowIfNull(request);
        var values = new TemplateValues
        {
            ["authorName"] = request.AuthorName.Length > 0 ? request.AuthorName : "commenter",
            ["confirmUrl"] = EmailTemplates.SiteUrl(Options) + Options.CommenterConfirmPath.Replace("{token}", Uri.EscapeDataString(token), StringComparison.Ordinal),
            ["expires"] = EmailWording.ClinicDateTime(request.ExpiresAt),
        };
        return Compose(MessageKinds.CommenterConfirm, new EmailRecipient(request.Email, NullIfEmpty(request.AuthorName)), "Please confirm your email address", values);
    }

    private static string? NullIfEmpty(string value) => value.Length > 0 ? value : null;

    public EmailMessage ModerationDigest(IReadOnlyList<KnownComment> pending)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var values = new TemplateValues
        {
            ["count"] = pending.Count.ToString(CultureInfo.InvariantCulture),
            ["comments"] = pending.Select(c => new TemplateValues
            {
                ["authorName"] = c.AuthorName,
                ["articleTitle"] = c.ArticleTitle,
                ["excerpt"] = c.Excerpt ?? "",
                ["submittedAt"] = EmailWording.ClinicDateTime(c.SubmittedAt),
            }).ToList(),
        };
        return Compose(MessageKinds.ModerationDigest, new EmailRecipient(Options.StaffEmail),
            $"{pending.Count} comment(s) awaiting moderation", values);
    }

    public EmailMessage StockLow(StockLow alert)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var values = new TemplateValues
        {
            ["productName"] = alert.Name,
            ["sku"] = alert.Sku,
            ["stock"] = alert.Stock.ToString(CultureInfo.InvariantCulture),
            ["threshold"] = alert.Threshold.ToString(CultureInfo.InvariantCulture),
        };
        return Compose(MessageKinds.StockLow, new EmailRecipient(Options.StaffEmail), $"Low stock: {alert.Name} ({alert.Stock} left)", values);
    }

    private EmailMessage Compose(string kind, EmailRecipient to, string subject, TemplateValues values)
    {
        var (html, text) = templates.Render(kind, values);
        return new EmailMessage(to, subject, html, text, []);
    }
}
