using CultureHealth.Content.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Content.Data;

internal sealed class AuthorConfiguration : IEntityTypeConfiguration<Author>
{
    public void Configure(EntityTypeBuilder<Author> e)
    {
        e.ToTable("authors");
        e.HasKey(a => a.Id);
        e.Property(a => a.Name).HasMaxLength(120).IsRequired();
        e.Property(a => a.Title).HasMaxLength(160).IsRequired();
        e.Property(a => a.Bio).HasMaxLength(4000);
        e.Property(a => a.PhotoUrl).HasMaxLength(500);
    }
}
