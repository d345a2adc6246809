using CultureHealth.Content.Domain;
using CultureHealth.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Data;

public sealed class ContentDbContext(DbContextOptions<ContentDbContext> options) : DbContext(options)
{
    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleSlugRedirect> SlugRedirects => Set<ArticleSlugRedirect>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<CommenterEmail> CommenterEmails => Set<CommenterEmail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<Author>(e =>
        {
            e.ToTable("authors");
            e.HasKey(a => a.Id);
            e.Property(a => a.Name).HasMaxLength(120).IsRequired();
            e.Property(a => a.Title).HasMaxLength(160).IsRequired();
            e.Property(a => a.Bio).HasMaxLength(4000);
            e.Property(a => a.PhotoUrl).HasMaxLength(500);
        });
        modelBuilder.ApplyConfiguration(new ArticleConfiguration());
        modelBuilder.ApplyConfiguration(new CommentConfiguration());
        modelBuilder.Entity<CommenterEmail>(e =>
        {
            e.ToTable("commenter_emails");
            e.HasKey(c => c.Email);
            e.Property(c => c.Email).HasMaxLength(CommentConfiguration.MaxEmailLength);
            e.Property(c => c.ConfirmationTokenHash).HasMaxLength(64);
            e.HasIndex(c => c.ConfirmationTokenHash).IsUnique().HasFilter("confirmation_token_hash IS NOT NULL");
            e.Ignore(c => c.IsConfirmed);
        });
        modelBuilder.Entity<ArticleSlugRedirect>(e =>
        {
            e.ToTable("article_slug_redirects");
            e.HasKey(r => r.OldSlug);
            e.Property(r => r.OldSlug).HasMaxLength(SlugGenerator.MaxLength);
            e.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
