using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Notifications.Data;

internal sealed class SentMessageConfiguration : IEntityTypeConfiguration<SentMessage>
{
    public void Configure(EntityTypeBuilder<SentMessage> e)
    {
        e.ToTable("sent_messages");
        e.HasKey(m => m.Id);
        e.Property(m => m.Kind).HasMaxLength(60).IsRequired();
        e.Property(m => m.Recipient).HasMaxLength(320).IsRequired();
        e.Property(m => m.Subject).HasMaxLength(500).IsRequired();
        e.Property(m => m.ProviderMessageId).HasMaxLength(500);
        e.HasIndex(m => m.EventId);
        e.HasIndex(m => new { m.Reference, m.Kind });
        e.HasIndex(m => new { m.Kind, m.SentAt });
    }
}
