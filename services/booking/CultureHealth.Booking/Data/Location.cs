using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Booking.Data;

/// <summary>A clinic site; there is one (London) today, but practitioners already point at theirs.</summary>
public sealed class Location
{
    public Guid Id { get; init; }
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
}

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> e)
    {
        e.ToTable("locations");
        e.HasKey(l => l.Id);
        e.Property(l => l.Name).HasMaxLength(120).IsRequired();
        e.Property(l => l.Address).HasMaxLength(300).IsRequired();
    }
}
