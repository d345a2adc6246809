using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace CultureHealth.Booking.Data;

/// <summary>
/// The open hold of a pending booking: when it runs out, and whose it is for the caps on open holds (the
/// patient's address, normalized, and the client address it came from). The row exists only while the
/// booking is pending: confirming or expiring deletes it, so the client address is not kept beyond that.
/// </summary>
public sealed class PendingConfirmation
{
    public Guid BookingId { get; init; }
    public string Email { get; init; } = "";
    public string ClientAddress { get; init; } = "";
    public Instant ExpiresAt { get; init; }
}

internal sealed class PendingConfirmationConfiguration : IEntityTypeConfiguration<PendingConfirmation>
{
    public void Configure(EntityTypeBuilder<PendingConfirmation> e)
    {
        e.ToTable("pending_confirmations");
        e.HasKey(p => p.BookingId);
        e.Property(p => p.Email).HasMaxLength(254).IsRequired();
        e.Property(p => p.ClientAddress).HasMaxLength(64).IsRequired();
        e.HasOne<PatientBooking>().WithOne().HasForeignKey<PendingConfirmation>(p => p.BookingId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(p => p.Email);
        e.HasIndex(p => p.ClientAddress);
        e.HasIndex(p => p.ExpiresAt);
    }
}
