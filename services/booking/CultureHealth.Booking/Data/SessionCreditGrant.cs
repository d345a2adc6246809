using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NodaTime;

namespace CultureHealth.Booking.Data;

/// <summary>
/// Sessions bought with one treatment-package line of a shop order. <see cref="Remaining"/> only
/// changes through conditional SQL updates, so concurrent bookings can never spend a credit twice.
/// </summary>
public sealed class SessionCreditGrant
{
    public Guid Id { get; init; }
    public Guid OrderId { get; init; }
    public string OrderNumber { get; init; } = "";

    /// <summary>Lower-cased, so look-ups by the address a patient types match.</summary>
    public string CustomerEmail { get; init; } = "";
    public string AppointmentTypeCode { get; init; } = "";
    public int Granted { get; init; }
    public int Remaining { get; set; }
    public Instant GrantedAt { get; init; }
    public Instant? RevokedAt { get; set; }
}

internal sealed class SessionCreditGrantConfiguration : IEntityTypeConfiguration<SessionCreditGrant>
{
    public void Configure(EntityTypeBuilder<SessionCreditGrant> e)
    {
        e.ToTable("session_credit_grants", t =>
            t.HasCheckConstraint("ck_session_credit_grants_remaining", "remaining >= 0 AND remaining <= granted"));
        e.HasKey(g => g.Id);
        e.Property(g => g.OrderNumber).HasMaxLength(60).IsRequired();
        e.Property(g => g.CustomerEmail).HasMaxLength(254).IsRequired();
        e.Property(g => g.AppointmentTypeCode).HasMaxLength(60).IsRequired();
        // One grant per package type per order: a redelivered OrderPaid cannot grant twice even past the inbox.
        e.HasIndex(g => new { g.OrderId, g.AppointmentTypeCode }).IsUnique();
        e.HasIndex(g => new { g.CustomerEmail, g.AppointmentTypeCode });
    }
}
