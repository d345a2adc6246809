using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Notifications.Data;

internal sealed class ConfirmedCommenterConfiguration : IEntityTypeConfiguration<ConfirmedCommenter>
{
    public void Configure(EntityTypeBuilder<ConfirmedCommenter> e)
    {
        e.ToTable("confirmed_commenters");
        e.HasKey(c => c.Email);
        e.Property(c => c.Email).HasMaxLength(320);
    }
}
