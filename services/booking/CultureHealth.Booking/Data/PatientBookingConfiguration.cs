using CultureHealth.Booking.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CultureHealth.Booking.Data;

internal sealed class PatientBookingConfiguration : IEntityTypeConfiguration<PatientBooking>
{
    public void Configure(EntityTypeBuilder<PatientBooking> e)
    {
        e.ToTable("bookings", t =>
        {
            t.HasCheckConstraint("ck_bookings_status", "status IN ('confirmed', 'cancelled', 'completed', 'no_show', 'pending', 'expired')");
            t.HasCheckConstraint("ck_bookings_paid_by", "paid_by IN ('clinic', 'credit')");
            t.HasCheckConstraint("ck_bookings_order", "\"end\" > start");
        });
        e.HasKey(b => b.Id);
        e.Property(b => b.Status).HasMaxLength(20).HasConversion(new ValueConverter<BookingStatus, string>(
            s => BookingStatusNames.ToText(s), text => BookingStatusNames.FromText(text)));
        e.Property(b => b.Footprint).HasColumnType("tstzrange");
        e.Property(b => b.PaidBy).HasMaxLength(10).IsRequired();
        e.Property(b => b.PatientName).HasMaxLength(120).IsRequired();
        e.Property(b => b.PatientEmail).HasMaxLength(254).IsRequired();
        e.Property(b => b.PatientPhone).HasMaxLength(40);
        e.Property(b => b.Notes).HasMaxLength(2000);
        e.Property(b => b.ManageTokenHash).HasMaxLength(64).IsRequired();
        e.Property(b => b.CancelledBy).HasMaxLength(20);
        e.HasOne<Practitioner>().WithMany().HasForeignKey(b => b.PractitionerId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AppointmentTypeDefinition>().WithMany().HasForeignKey(b => b.AppointmentTypeId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Room>().WithMany().HasForeignKey(b => b.RoomId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(b => new { b.RoomId, b.Start });
        e.HasOne<SessionCreditGrant>().WithMany().HasForeignKey(b => b.CreditGrantId).OnDelete(DeleteBehavior.Restrict);
        // Day lists and availability read a practitioner's bookings by time.
        e.HasIndex(b => new { b.PractitionerId, b.Start });
        e.HasIndex(b => b.PatientEmail);
        // A patient's own bookings and the waitlist matcher look bookings up by address trimmed and lower case
        // (PatientBookings.MadeFor): that expression index is SQL in the migration PatientEmailLookupIndex (EF cannot model one).
        // The no-double-booking exclusion constraints (practitioner; room) are added in SQL in the migrations (EF cannot model them).
    }
}

/// <summary>How statuses are spelled in the database and in JSON.</summary>
public static class BookingStatusNames
{
    public static string ToText(BookingStatus status) => status switch
    {
        BookingStatus.Confirmed => "confirmed",
        BookingStatus.Cancelled => "cancelled",
        BookingStatus.Completed => "completed",
        BookingStatus.NoShow => "no_show",
        BookingStatus.Pending => "pending",
        BookingStatus.Expired => "expired",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static BookingStatus FromText(string text) => text switch
    {
        "confirmed" => BookingStatus.Confirmed,
        "cancelled" => BookingStatus.Cancelled,
        "completed" => BookingStatus.Completed,
        "no_show" => BookingStatus.NoShow,
        "pending" => BookingStatus.Pending,
        "expired" => BookingStatus.Expired,
        _ => throw new ArgumentOutOfRangeException(nameof(text), text, null),
    };
}
