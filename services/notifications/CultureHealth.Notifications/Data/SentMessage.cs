namespace CultureHealth.Notifications.Data;

/// <summary>One email that left the worker: the record support looks at ("did the patient get it?").</summary>
public sealed class SentMessage
{
    public Guid Id { get; set; }

    /// <summary>The event that caused it; for reminders and digests, the id of that run's claim.</summary>
    public Guid EventId { get; set; }

    /// <summary>What the email is about: a booking, order, comment or product id.</summary>
    public Guid? Reference { get; set; }

    public string Kind { get; set; } = "";
    public string Recipient { get; set; } = "";
    public string Subject { get; set; } = "";
    public DateTimeOffset SentAt { get; set; }
    public string? ProviderMessageId { get; set; }
}
