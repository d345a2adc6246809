using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;

namespace CultureHealth.Messaging.Data;

/// <summary>Migrates (and optionally seeds) the service's database before the service takes traffic.</summary>
internal sealed partial class DatabaseInitializer<TDbContext>(
    IServiceScopeFactory scopes,
    IOptions<DatabaseOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<DatabaseInitializer<TDbContext>> logger) : IHostedService
    where TDbContext : DbContext
{
    // The database may still be starting next to us (compose, a pod restart): retry briefly.
    private static readonly ResiliencePipeline Startup = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 8,
            Delay = TimeSpan.FromMilliseconds(500),
            BackoffType = DelayBackoffType.Exponential,
            MaxDelay = TimeSpan.FromSeconds(5),
            ShouldHandle = new PredicateBuilder().Handle<Npgsql.NpgsqlException>(e => e.IsTransient || e.InnerException is System.Net.Sockets.SocketException),
        })
        .Build();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var migrate = o.MigrateOnStartup || o.MigrateAndExit;
        if (!migrate && !o.SeedDemoData)
        {
            return;
        }

        await Startup.ExecuteAsync(async ct =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
            db.Database.SetCommandTimeout(DatabaseAvailability.MigrationCommandTimeout);
            if (migrate)
            {
                await db.Database.MigrateAsync(ct);
                LogMigrated(logger, typeof(TDbContext).Name);
            }
            if (o.SeedDemoData)
            {
                foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder<TDbContext>>())
                {
                    await seeder.SeedAsync(db, ct);
                }
            }
        }, cancellationToken);

        if (o.MigrateAndExit)
        {
            LogExiting(logger, typeof(TDbContext).Name);
            // Stopping while the host is still starting cancels the remaining starts and ends the process with an
            // error; once started, a stop is orderly and the exit code is 0.
            lifetime.ApplicationStarted.Register(lifetime.StopApplication);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database for {Context} is migrated")]
    private static partial void LogMigrated(ILogger logger, string context);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database for {Context} is ready; stopping as Database:MigrateAndExit asks")]
    private static partial void LogExiting(ILogger logger, string context);
}
