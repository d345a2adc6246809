using CultureHealth.Booking.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Booking.Data;

/// <summary>The stored appointment type; <see cref="ToRule"/> gives the domain's view used for slot maths.</summary>
public sealed class AppointmentTypeDefinition
{
    public Guid Id { get; init; }

    /// <summary>Stable identifier the shop uses on treatment packages, e.g. "initial-assessment".</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public int DurationMinutes { get; set; }
    public int BufferBeforeMinutes { get; set; }
    public int BufferAfterMinutes { get; set; }
    public long PricePence { get; set; }
    public bool CreditsCanPay { get; set; }
    public bool Active { get; set; } = true;

    /// <summary>The kind of room a booking of this type also holds (see <see cref="Room.Kind"/>); null: no room needed.</summary>
    public string? RoomKind { get; set; }

    public AppointmentType ToRule() => new(DurationMinutes, BufferBeforeMinutes, BufferAfterMinutes, PricePence, CreditsCanPay, RoomKind);
}

internal sealed class AppointmentTypeDefinitionConfiguration : IEntityTypeConfiguration<AppointmentTypeDefinition>
{
    public void Configure(EntityTypeBuilder<AppointmentTypeDefinition> e)
    {
        e.ToTable("appointment_types", t =>
        {
            t.HasCheckConstraint("ck_appointment_types_duration", "duration_minutes > 0");
            t.HasCheckConstraint("ck_appointment_types_buffers", "buffer_before_minutes >= 0 AND buffer_after_minutes >= 0");
            t.HasCheckConstraint("ck_appointment_types_price", "price_pence >= 0");
        });
        e.HasKey(t => t.Id);
        e.HasIndex(t => t.Code).IsUnique();
        e.Property(t => t.Code).HasMaxLength(60).IsRequired();
        e.Property(t => t.Name).HasMaxLength(120).IsRequired();
        e.Property(t => t.Description).HasMaxLength(2000);
        e.Property(t => t.RoomKind).HasMaxLength(RoomKinds.MaxLength);
        e.HasIndex(t => t.RoomKind);
    }
}
