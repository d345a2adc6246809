using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Notifications.Data;

internal sealed class KnownCommentConfiguration : IEntityTypeConfiguration<KnownComment>
{
    public void Configure(EntityTypeBuilder<KnownComment> e)
    {
        e.ToTable("known_comments");
        e.HasKey(c => c.CommentId);
        e.Property(c => c.ArticleSlug).HasMaxLength(200).IsRequired();
        e.Property(c => c.ArticleTitle).HasMaxLength(300).IsRequired();
        e.Property(c => c.AuthorName).HasMaxLength(200).IsRequired();
        e.Property(c => c.AuthorEmail).HasMaxLength(320).IsRequired();
        e.Property(c => c.Excerpt).HasMaxLength(1000);
        e.Property(c => c.Status).HasMaxLength(20).IsRequired();
        e.HasIndex(c => c.SubmittedAt).HasFilter("status = 'pending' AND digested_at IS NULL");
    }
}
