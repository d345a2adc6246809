using CultureHealth.Content.Domain;
using CultureHealth.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Data;

public sealed class ContentDbContext(DbContextOptions<ContentDbContext> options) : DbContext(options)
{
    public DbSet<Author> Authors => Set<Author>();

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
    }
}
