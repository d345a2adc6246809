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
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ContentDbContext).Assembly);
    }
}
