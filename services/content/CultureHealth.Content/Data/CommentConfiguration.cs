using CultureHealth.Content.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Content.Data;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<Comment>
{
    public const int MaxEmailLength = 254;

    public void Configure(EntityTypeBuilder<Comment> e)
    {
        e.ToTable("comments");
        e.HasKey(c => c.Id);
        e.Property(c => c.AuthorName).HasMaxLength(Comment.MaxNameLength).IsRequired();
        e.Property(c => c.AuthorEmail).HasMaxLength(MaxEmailLength).IsRequired();
        e.Property(c => c.Body).IsRequired();
        e.Property(c => c.Status).HasMaxLength(20)
            .HasConversion(s => s.ToWire(), s => Enum.Parse<CommentStatus>(s, true));
        e.Property(c => c.ModerationReason).HasMaxLength(200);
        e.Property(c => c.IpHash).HasMaxLength(64);
        e.Property(c => c.ModeratedBy).HasMaxLength(254);
        e.HasOne<Article>().WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Cascade);

        e.HasIndex(c => new { c.ArticleId, c.Status, c.CreatedAt });
        // Trust and duplicate checks look a commenter up by email.
        e.HasIndex(c => new { c.AuthorEmail, c.Status });
        // The moderation queue.
        e.HasIndex(c => c.CreatedAt).HasFilter("status = 'pending'");
    }
}
