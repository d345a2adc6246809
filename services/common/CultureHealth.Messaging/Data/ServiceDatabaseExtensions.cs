using CultureHealth.Messaging.Outbox;
using CultureHealth.ServiceDefaults.Options;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CultureHealth.Messaging.Data;

public static class ServiceDatabaseExtensions
{
    /// <summary>
    /// The service's own PostgreSQL database: EF Core with snake_case names and NodaTime, the outbox
    /// commit signal, migrations (and demo seed) at start-up, a readiness check, short connect and command
    /// timeouts, and a 503 database-unavailable problem for any request that meets the database away.
    /// </summary>
    private static readonly UtcTimestampInterceptor UtcTimestamps = new();

    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : DbContext
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxCommitInterceptor>();
        builder.AddValidatedOptions<DatabaseOptions>(DatabaseOptions.Section);

        // Read when first resolved (not while the builder runs) so hosts and test factories can override it.
        builder.Services.AddDbContext<TDbContext>((sp, options) => options
            .UseServiceConventions(DatabaseAvailability.WithTimeouts(RequiredConnectionString(sp.GetRequiredService<IConfiguration>(), connectionName)))
            .AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>(), UtcTimestamps));
        // First in line, so a database outage is answered as one (503) and never logged as a bug first.
        if (!builder.Services.Any(d => d.ImplementationType == typeof(DatabaseUnavailableExceptionHandler)))
        {
            builder.Services.Insert(0, ServiceDescriptor.Singleton<IExceptionHandler, DatabaseUnavailableExceptionHandler>());
        }

        // Registered before the bus and the relay so the schema exists before they touch it.
        builder.Services.AddHostedService<DatabaseInitializer<TDbContext>>();
        builder.Services.AddHealthChecks().AddDbContextCheck<TDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>How every service talks to PostgreSQL; design-time factories and test templates use it too.</summary>
    public static DbContextOptionsBuilder UseServiceConventions(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, npgsql => npgsql.UseNodaTime()).UseSnakeCaseNamingConvention();

    public static DbContextOptionsBuilder<TDbContext> UseServiceConventions<TDbContext>(this DbContextOptionsBuilder<TDbContext> options, string connectionString)
        where TDbContext : DbContext
    {
        ((DbContextOptionsBuilder)options).UseServiceConventions(connectionString);
        return options;
    }

    public static string RequiredConnectionString(IConfiguration configuration, string name)
    {
        var value = configuration.GetConnectionString(name);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"ConnectionStrings:{name} is not configured.")
            : value;
    }
}
