using CultureHealth.Booking.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Booking.Data;

internal sealed class PractitionerConfiguration : IEntityTypeConfiguration<Practitioner>
{
    public void Configure(EntityTypeBuilder<Practitioner> e)
    {
        e.ToTable("practitioners");
        e.HasKey(p => p.Id);
        e.Property(p => p.Name).HasMaxLength(120).IsRequired();
        e.Property(p => p.Title).HasMaxLength(160).IsRequired();
        e.Property(p => p.Bio).HasMaxLength(4000);
        e.Property(p => p.PhotoUrl).HasMaxLength(500);
        e.Property(p => p.CalendarKeyHash).HasMaxLength(64);
        e.HasOne<Location>().WithMany().HasForeignKey(p => p.LocationId).OnDelete(DeleteBehavior.Restrict);
    }
}
