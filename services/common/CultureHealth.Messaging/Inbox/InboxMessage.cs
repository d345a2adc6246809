namespace CultureHealth.Messaging.Inbox;

/// <summary>A message a consumer has already acted on; written in the same transaction as the effect.</summary>
public sealed class InboxMessage
{
    public string Consumer { get; set; } = "";
    public Guid MessageId { get; set; }
    public DateTimeOffset ProcessedAt { get; set; }
}
