using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Patients.Data;

/// <summary>
/// A patient's request to erase their data, followed until every service has reported. The address is kept only
/// sealed (EventSecrets) and only until the outcome email is on its way; afterwards the row knows the address only
/// by its SHA-256 (<see cref="EmailHash"/>), which is what the audit trail keeps.
/// </summary>
public sealed class ErasureRequest
{
    public Guid Id { get; init; }
    public string EmailHash { get; init; } = "";

    /// <summary>Null once completed.</summary>
    public string? SealedEmail { get; set; }

    public DateTimeOffset RequestedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }

    public List<ErasureReport> Reports { get; init; } = [];
}

/// <summary>One service's report (<c>PatientDataErased</c>) for a request; one per service.</summary>
public sealed class ErasureReport
{
    public Guid RequestId { get; init; }
    public string Service { get; init; } = "";
    public int RecordsErased { get; init; }
    public DateTimeOffset ReportedAt { get; init; }
}

internal sealed class ErasureRequestConfiguration : IEntityTypeConfiguration<ErasureRequest>
{
    public void Configure(EntityTypeBuilder<ErasureRequest> e)
    {
        e.ToTable("erasure_requests");
        e.HasKey(r => r.Id);
        e.Property(r => r.EmailHash).HasMaxLength(SecretToken.HashLength).IsRequired();
        // At most one open request per address: a second click while the first runs is the same request.
        e.HasIndex(r => r.EmailHash).IsUnique().HasFilter("completed_at IS NULL");
        e.HasMany(r => r.Reports).WithOne().HasForeignKey(r => r.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ErasureReportConfiguration : IEntityTypeConfiguration<ErasureReport>
{
    public void Configure(EntityTypeBuilder<ErasureReport> e)
    {
        e.ToTable("erasure_reports");
        e.HasKey(r => new { r.RequestId, r.Service });
        e.Property(r => r.Service).HasMaxLength(40);
    }
}
