using CultureHealth.Booking.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace CultureHealth.Booking.Data;

/// <summary>
/// A treatment room or a piece of equipment (the rehab gym) that a booking holds alongside its practitioner.
/// Rooms of one <see cref="Kind"/> are interchangeable; a booking gets the first free one by name, then id.
/// </summary>
public sealed class Room
{
    public Guid Id { get; init; }
    public string Name { get; set; } = "";

    /// <summary>What the room is for, as appointment types ask for it: "treatment-room", "rehab-gym".</summary>
    public string Kind { get; set; } = "";

    /// <summary>An inactive room is never handed out; its past bookings keep it.</summary>
    public bool Active { get; set; } = true;

    public Instant UpdatedAt { get; set; }
}

/// <summary>A day a room cannot be used (repairs, deep clean); its slots disappear for that day.</summary>
public sealed class RoomClosure
{
    public Guid RoomId { get; init; }
    public LocalDate Date { get; init; }
    public string Reason { get; set; } = "";
}

internal sealed class RoomConfiguration : IEntityTypeConfiguration<Room>
{
    public void Configure(EntityTypeBuilder<Room> e)
    {
        e.ToTable("rooms", t => t.HasCheckConstraint("ck_rooms_kind", "kind ~ '^[a-z0-9]+(-[a-z0-9]+)*$'"));
        e.HasKey(r => r.Id);
        e.Property(r => r.Name).HasMaxLength(80).IsRequired();
        e.Property(r => r.Kind).HasMaxLength(RoomKinds.MaxLength).IsRequired();
        e.HasIndex(r => r.Name).IsUnique();
        e.HasIndex(r => new { r.Kind, r.Name });
    }
}

internal sealed class RoomClosureConfiguration : IEntityTypeConfiguration<RoomClosure>
{
    public void Configure(EntityTypeBuilder<RoomClosure> e)
    {
        e.ToTable("room_closures");
        e.HasKey(c => new { c.RoomId, c.Date });
        e.Property(c => c.Reason).HasMaxLength(200).IsRequired();
        e.HasIndex(c => c.Date);
        e.HasOne<Room>().WithMany().HasForeignKey(c => c.RoomId).OnDelete(DeleteBehavior.Cascade);
    }
}
