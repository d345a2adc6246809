using CultureHealth.Content.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Content.Data;

internal sealed class CommenterEmailConfiguration : IEntityTypeConfiguration<CommenterEmail>
{
    public void Configure(EntityTypeBuilder<CommenterEmail> e)
    {
        e.ToTable("commenter_emails");
        e.HasKey(c => c.Email);
        e.Property(c => c.Email).HasMaxLength(CommentConfiguration.MaxEmailLength);
        e.Property(c => c.ConfirmationTokenHash).HasMaxLength(64);
        e.HasIndex(c => c.ConfirmationTokenHash).IsUnique().HasFilter("confirmation_token_hash IS NOT NULL");
        e.Ignore(c => c.IsConfirmed);
    }
}
