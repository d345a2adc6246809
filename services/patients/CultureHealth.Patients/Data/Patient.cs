using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Patients.Data;

/// <summary>
/// A person who has proved an email address at least once. The id is the stable subject of their access
/// tokens; the row is created on the first successful proof, never on a request, so asking for a code
/// for an address creates no account and reveals nothing.
/// </summary>
public sealed class Patient
{
    public Guid Id { get; init; }

    /// <summary>Normalized (see <see cref="Domain.EmailAddress"/>); unique.</summary>
    public string Email { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastVerifiedAt { get; set; }

    /// <summary>Saved details the patient chose to keep, to fill in booking and checkout forms.</summary>
    public string? Name { get; set; }

    public string? Phone { get; set; }

    /// <summary>Marketing emails only with consent; off until the patient turns it on. Service emails are always sent.</summary>
    public bool MarketingConsent { get; set; }

    /// <summary>When the patient last gave or withdrew marketing consent (null: never asked), kept as the record of consent.</summary>
    public DateTimeOffset? MarketingConsentChangedAt { get; set; }
}

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> e)
    {
        e.ToTable("patients");
        e.HasKey(p => p.Id);
        e.Property(p => p.Email).HasMaxLength(254).IsRequired();
        e.HasIndex(p => p.Email).IsUnique();
        e.Property(p => p.Name).HasMaxLength(120);
        e.Property(p => p.Phone).HasMaxLength(40);
    }
}
