using CultureHealth.Messaging.Inbox;
using CultureHealth.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Messaging.Data;

public static class MessagingModelBuilderExtensions
{
    /// <summary>The outbox_messages and inbox_messages tables every service database has.</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder model)
    {
        model.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.MessageType).HasMaxLength(300).IsRequired();
            e.Property(m => m.Payload).HasColumnType("jsonb").IsRequired();
            e.Property(m => m.TraceParent).HasMaxLength(128);
            e.Property(m => m.TraceState).HasMaxLength(512);
            e.Property(m => m.LastError).HasMaxLength(2000);
            // The relay only ever looks for unsent rows that are due.
            e.HasIndex(m => new { m.NextAttemptAt, m.CreatedAt }).HasFilter("sent_at IS NULL");
        });
        model.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(m => new { m.Consumer, m.MessageId });
            e.Property(m => m.Consumer).HasMaxLength(200);
        });
        return model;
    }
}
