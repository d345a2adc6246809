namespace CultureHealth.Notifications.Email;

public sealed record EmailRecipient(string Address, string? Name = null);

/// <summary>A file attached to an email; <see cref="ContentType"/> may carry parameters (text/calendar; method=REQUEST).</summary>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

/// <summary>One email as composed from a template: always an HTML and a plain-text part.</summary>
public sealed record EmailMessage(
    EmailRecipient To,
    string Subject,
    string HtmlBody,
    string TextBody,
    IReadOnlyList<EmailAttachment> Attachments);
