using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Patients.Data;

/// <summary>
/// Requests counted in one fixed window for one bucket ("email:" or "client:" and a SHA-256 of the value, so
/// the counters hold no address in clear). One row per bucket and window, incremented by a single upsert.
/// </summary>
public sealed class RequestCounter
{
    public string Bucket { get; init; } = "";
    public DateTimeOffset WindowStart { get; init; }
    public int Count { get; set; }
}

internal sealed class RequestCounterConfiguration : IEntityTypeConfiguration<RequestCounter>
{
    public void Configure(EntityTypeBuilder<RequestCounter> e)
    {
        e.ToTable("request_counters");
        e.HasKey(c => new { c.Bucket, c.WindowStart });
        e.Property(c => c.Bucket).HasMaxLength(80);
        e.HasIndex(c => c.WindowStart);
    }
}
