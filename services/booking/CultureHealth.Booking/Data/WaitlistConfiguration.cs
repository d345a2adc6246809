using CultureHealth.Booking.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Booking.Data;

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<WaitlistEntry> e)
    {
        e.ToTable("waitlist_entries", t =>
        {
            t.HasCheckConstraint("ck_waitlist_entries_status", "status IN ('waiting', 'booked', 'left')");
            t.HasCheckConstraint("ck_waitlist_entries_dates", "to_date >= from_date");
            t.HasCheckConstraint("ck_waitlist_entries_times", "latest_start >= earliest_start");
            t.HasCheckConstraint("ck_waitlist_entries_weekdays", "weekdays BETWEEN 1 AND 127");
        });
        e.HasKey(w => w.Id);
        e.Property(w => w.Position).UseIdentityAlwaysColumn();
        e.Property(w => w.Email).HasMaxLength(254).IsRequired();
        e.Property(w => w.PatientName).HasMaxLength(120).IsRequired();
        e.Property(w => w.PatientPhone).HasMaxLength(40);
        e.Property(w => w.Status).HasMaxLength(10).IsRequired();
        e.HasOne<AppointmentTypeDefinition>().WithMany().HasForeignKey(w => w.AppointmentTypeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Practitioner>().WithMany().HasForeignKey(w => w.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(w => w.Position).IsUnique();
        e.HasIndex(w => new { w.Email, w.Status });
        // The matcher reads waiting entries in join order.
        e.HasIndex(w => new { w.Status, w.Position });
    }
}

internal sealed class WaitlistOfferConfiguration : IEntityTypeConfiguration<WaitlistOffer>
{
    public void Configure(EntityTypeBuilder<WaitlistOffer> e)
    {
        e.ToTable("waitlist_offers", t =>
        {
            t.HasCheckConstraint("ck_waitlist_offers_status", "status IN ('live', 'taken', 'lapsed', 'withdrawn')");
        });
        e.HasKey(o => o.Id);
        e.Property(o => o.Footprint).HasColumnType("tstzrange");
        e.Property(o => o.TokenHash).HasMaxLength(64).IsRequired();
        e.Property(o => o.Status).HasMaxLength(10).IsRequired();
        e.HasOne<WaitlistEntry>().WithMany().HasForeignKey(o => o.EntryId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Practitioner>().WithMany().HasForeignKey(o => o.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PatientBooking>().WithMany().HasForeignKey(o => o.BookingId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Room>().WithMany().HasForeignKey(o => o.RoomId).OnDelete(DeleteBehavior.Restrict);
        // One live offer per entry at a time; replicas racing to offer the same patient twice fail here.
        e.HasIndex(o => o.EntryId).HasFilter("status = 'live'").IsUnique().HasDatabaseName("ux_waitlist_offers_live_entry");
        e.HasIndex(o => new { o.EntryId, o.PractitionerId, o.Start });
        e.HasIndex(o => new { o.Status, o.ExpiresAt });
        // The "no two live offers overlap in one diary" and "no two live offers overlap in one room" exclusion
        // constraints are added in SQL in the migrations (Waitlist, OfferRooms).
    }
}

internal sealed class WaitlistOpeningConfiguration : IEntityTypeConfiguration<WaitlistOpening>
{
    public void Configure(EntityTypeBuilder<WaitlistOpening> e)
    {
        e.ToTable("waitlist_openings");
        e.HasKey(o => o.Id);
        e.Property(o => o.Id).UseIdentityAlwaysColumn();
        e.Property(o => o.Span).HasColumnType("tstzrange");
        e.HasOne<Practitioner>().WithMany().HasForeignKey(o => o.PractitionerId).OnDelete(DeleteBehavior.Cascade);
    }
}
