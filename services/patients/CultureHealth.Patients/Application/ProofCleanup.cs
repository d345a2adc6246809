using CultureHealth.Patients.Data;
using CultureHealth.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Patients.Application;

/// <summary>
/// Deletes proofs that can no longer be used (expired or used, kept a day for support) and counters of
/// windows long past. Plain deletes by time: replicas running it at once only repeat each other's work.
/// </summary>
public sealed partial class ProofCleanup(
    IServiceScopeFactory scopes, IOptions<PatientsOptions> options, TimeProvider clock, ILogger<ProofCleanup> logger)
    : PeriodicBackgroundService(clock)
{
    protected override TimeSpan Interval => options.Value.CleanupInterval;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        var now = Clock.GetUtcNow();
        var finishedBefore = now - o.KeepFinishedProofsFor;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PatientsDbContext>();
        var proofs = await db.EmailProofs
            .Where(p => p.ExpiresAt < finishedBefore || (p.UsedAt != null && p.UsedAt < finishedBefore))
            .ExecuteDeleteAsync(cancellationToken);
        var windowsBefore = now - o.RequestWindow - o.RequestWindow;
        var counters = await db.RequestCounters.Where(c => c.WindowStart < windowsBefore).ExecuteDeleteAsync(cancellationToken);
        if (proofs + counters > 0)
        {
            LogCleaned(logger, proofs, counters);
        }
    }

    protected override void OnRoundFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Proofs} finished email proofs and {Counters} old request counters")]
    private static partial void LogCleaned(ILogger logger, int proofs, int counters);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cleaning up email proofs failed; the next round tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
