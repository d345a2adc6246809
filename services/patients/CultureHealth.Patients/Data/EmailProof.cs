using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Patients.Data;

/// <summary>
/// One emailed code. It is live while unused, unexpired and under its attempt limit; rows for addresses
/// that never verify are deleted by the clean-up like any other, so they leave no lasting trace.
/// </summary>
public sealed class EmailProof
{
    public Guid Id { get; init; }

    /// <summary>Normalized (see <see cref="Domain.EmailAddress"/>).</summary>
    public string Email { get; init; } = "";

    public string CodeHash { get; init; } = "";
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }

    /// <summary>When a right code was presented, or when a sibling proof for the same address was.</summary>
    public DateTimeOffset? UsedAt { get; set; }
}

internal sealed class EmailProofConfiguration : IEntityTypeConfiguration<EmailProof>
{
    public void Configure(EntityTypeBuilder<EmailProof> e)
    {
        e.ToTable("email_proofs", t => t.HasCheckConstraint("ck_email_proofs_attempts", "attempts >= 0"));
        e.HasKey(p => p.Id);
        e.Property(p => p.Email).HasMaxLength(254).IsRequired();
        e.Property(p => p.CodeHash).HasMaxLength(64).IsRequired();
        // Verification looks up an address's live proofs; the clean-up scans by expiry.
        e.HasIndex(p => p.Email);
        e.HasIndex(p => p.ExpiresAt);
    }
}
