using CultureHealth.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace CultureHealth.Booking.Application;

/// <summary>
/// Passes lapsed offers on and offers freed time to waiting patients, on every replica: each offer and each opening
/// is taken with SKIP LOCKED and worked under the practitioner's diary lock, so replicas never offer one slot twice.
/// </summary>
public sealed partial class WaitlistSweeper(
    IServiceScopeFactory scopes, IOptions<WaitlistOptions> options, TimeProvider clock, ILogger<WaitlistSweeper> logger)
    : PeriodicBackgroundService(clock)
{
    private const int Batch = 100;

    /// <summary>Openings worked per round at most, so one round cannot run unbounded; the rest wait for the next.</summary>
    private const int OpeningsPerRound = 500;

    protected override TimeSpan Interval => options.Value.MatchInterval;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        int lapsed;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            lapsed = await scope.ServiceProvider.GetRequiredService<WaitlistMatcher>().LapseDueAsync(Batch, cancellationToken);
        }
        while (lapsed == Batch);

        for (var i = 0; i < OpeningsPerRound; i++)
        {
            await using var scope = scopes.CreateAsyncScope();
            if (!await scope.ServiceProvider.GetRequiredService<WaitlistMatcher>().OfferNextOpeningAsync(cancellationToken))
            {
                break;
            }
        }
    }

    protected override void OnRoundFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A waitlist round failed (offers or lapses); the next round tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
