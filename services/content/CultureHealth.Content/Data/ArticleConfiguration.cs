using CultureHealth.Content.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;

namespace CultureHealth.Content.Data;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    /// <summary>Shadow property for the generated full-text column; only queries use it.</summary>
    public const string SearchVector = "SearchVector";

    public void Configure(EntityTypeBuilder<Article> e)
    {
        e.ToTable("articles");
        e.HasKey(a => a.Id);
        e.Property(a => a.Title).HasMaxLength(200).IsRequired();
        e.Property(a => a.Slug).HasMaxLength(SlugGenerator.MaxLength).IsRequired();
        e.HasIndex(a => a.Slug).IsUnique();
        e.Property(a => a.Excerpt).HasMaxLength(1000);
        e.Property(a => a.BodyMarkdown).IsRequired();
        e.Property(a => a.BodyHtml).IsRequired();
        e.Property(a => a.FeaturedImageUrl).HasMaxLength(500);
        e.Property(a => a.SeoTitle).HasMaxLength(200);
        e.Property(a => a.SeoDescription).HasMaxLength(400);
        e.Property(a => a.CallToActionAppointmentType).HasMaxLength(80);
        e.Property(a => a.Tags).HasColumnType("text[]");
        e.HasIndex(a => a.Tags).HasMethod("gin");
        e.Property(a => a.Status).HasMaxLength(20)
            .HasConversion(s => s.ToWire(), s => Enum.Parse<ArticleStatus>(s, true));
        e.Property(a => a.Version).IsRowVersion();
        e.HasOne(a => a.Author).WithMany().HasForeignKey(a => a.AuthorId).OnDelete(DeleteBehavior.Restrict);

        // The public list reads published articles newest first; the scheduler looks for due ones.
        e.HasIndex(a => new { a.Status, a.PublishedAt });
        e.HasIndex(a => a.PublishAt).HasFilter("status = 'scheduled'");

        // Title outranks body: weight A for the title, B for excerpt and body (ts_rank's weights 1.0 and 0.4).
        e.Property<NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql(
                "setweight(to_tsvector('english'::regconfig, title), 'A') || " +
                "setweight(to_tsvector('english'::regconfig, coalesce(excerpt, '') || ' ' || body_markdown), 'B')",
                stored: true);
        e.HasIndex(SearchVector).HasMethod("gin");
    }
}
