using CultureHealth.ServiceDefaults.Options;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CultureHealth.Messaging.Idempotency;

public static class IdempotencyExtensions
{
    /// <summary>
    /// Idempotency-Key handling for a service whose <typeparamref name="TDbContext"/> maps
    /// <see cref="AddIdempotencyRecords"/>: the store (one per process, so copies in this process queue) and the sweeper.
    /// </summary>
    public static IHostApplicationBuilder AddIdempotency<TDbContext>(this IHostApplicationBuilder builder)
        where TDbContext : DbContext
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.AddValidatedOptions<IdempotencyOptions>(IdempotencyOptions.Section);
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddHostedService<IdempotencyRecordSweeper<TDbContext>>();
        return builder;
    }

    /// <summary>The idempotency_records table, keyed by operation and key hash; expiry indexed for the sweeper.</summary>
    public static ModelBuilder AddIdempotencyRecords(this ModelBuilder model)
    {
        model.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_records");
            e.HasKey(r => new { r.Operation, r.KeyHash });
            e.Property(r => r.Operation).HasMaxLength(IdempotencyScope.MaxOperationLength);
            e.Property(r => r.KeyHash).HasMaxLength(64);
            e.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
            e.HasIndex(r => r.ExpiresAt);
        });
        return model;
    }
}
