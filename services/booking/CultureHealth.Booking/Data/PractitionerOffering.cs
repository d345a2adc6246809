using CultureHealth.Booking.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Booking.Data;

/// <summary>A practitioner offers an appointment type (many-to-many).</summary>
public sealed class PractitionerOffering
{
    public Guid PractitionerId { get; init; }
    public Guid AppointmentTypeId { get; init; }
}

internal sealed class PractitionerOfferingConfiguration : IEntityTypeConfiguration<PractitionerOffering>
{
    public void Configure(EntityTypeBuilder<PractitionerOffering> e)
    {
        e.ToTable("practitioner_appointment_types");
        e.HasKey(o => new { o.PractitionerId, o.AppointmentTypeId });
        e.HasOne<Practitioner>().WithMany().HasForeignKey(o => o.PractitionerId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<AppointmentTypeDefinition>().WithMany().HasForeignKey(o => o.AppointmentTypeId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(o => o.AppointmentTypeId);
    }
}
