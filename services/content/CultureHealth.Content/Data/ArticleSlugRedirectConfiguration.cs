using CultureHealth.Content.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Content.Data;

internal sealed class ArticleSlugRedirectConfiguration : IEntityTypeConfiguration<ArticleSlugRedirect>
{
    public void Configure(EntityTypeBuilder<ArticleSlugRedirect> e)
    {
        e.ToTable("article_slug_redirects");
        e.HasKey(r => r.OldSlug);
        e.Property(r => r.OldSlug).HasMaxLength(SlugGenerator.MaxLength);
        e.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
