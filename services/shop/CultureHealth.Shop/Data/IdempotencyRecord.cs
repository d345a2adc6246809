using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Shop.Data;

/// <summary>
/// The first response to a request made with an Idempotency-Key, written in the same transaction as the
/// effect, so a retry gets exactly what the first attempt got.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>What the key is for (e.g. "checkout"); keys are only unique within a scope.</summary>
    public string Scope { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary>SHA-256 of the request, so one key reused for a different request is refused.</summary>
    public string RequestHash { get; set; } = "";

    public int ResponseStatus { get; set; }
    public string ResponseBody { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> e)
    {
        e.ToTable("idempotency_records");
        e.HasKey(r => new { r.Scope, r.Key });
        e.Property(r => r.Scope).HasMaxLength(60);
        e.Property(r => r.Key).HasMaxLength(100);
        e.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        e.Property(r => r.ResponseBody).HasColumnType("jsonb");
        e.HasIndex(r => r.CreatedAt);
    }
}
