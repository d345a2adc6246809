using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace CultureHealth.Booking.Data;

/// <summary>
/// The outcome of a POST made with an Idempotency-Key, written in the booking's own transaction.
/// Only a hash of the key is stored, and the manage token is encrypted with a key derived from the
/// Idempotency-Key itself (see <see cref="Domain.IdempotencyKey"/>), so a database leak reveals neither.
/// </summary>
public sealed class IdempotencyRecord
{
    public string KeyHash { get; init; } = "";
    public string RequestHash { get; init; } = "";
    public Guid BookingId { get; init; }
    public byte[] SealedManageToken { get; init; } = [];
    public Instant CreatedAt { get; init; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> e)
    {
        e.ToTable("idempotency_records");
        e.HasKey(r => r.KeyHash);
        e.Property(r => r.KeyHash).HasMaxLength(64);
        e.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        e.HasOne<PatientBooking>().WithMany().HasForeignKey(r => r.BookingId).OnDelete(DeleteBehavior.Cascade);
    }
}
