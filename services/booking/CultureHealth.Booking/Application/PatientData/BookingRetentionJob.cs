using CultureHealth.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace CultureHealth.Booking.Application.PatientData;

/// <summary>Applies the retention policy every Booking:Retention:Interval, a batch at a time, on every replica.</summary>
public sealed partial class BookingRetentionJob(
    IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<BookingRetentionJob> logger)
    : PeriodicBackgroundService(clock)
{
    private const int Batch = 500;

    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        int anonymised;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            anonymised = await scope.ServiceProvider.GetRequiredService<BookingRetention>().AnonymiseDueAsync(Batch, cancellationToken);
            if (anonymised > 0)
            {
                LogAnonymised(logger, anonymised);
            }
        }
        while (anonymised == Batch);
    }

    protected override void OnRoundFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: anonymised {Count} bookings past the policy")]
    private static partial void LogAnonymised(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying the booking retention policy failed; the next round tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
