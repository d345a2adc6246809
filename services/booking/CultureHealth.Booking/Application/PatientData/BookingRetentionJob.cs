using CultureHealth.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace CultureHealth.Booking.Application.PatientData;

/// <summary>Applies the retention policy every Booking:Retention:Interval, a batch at a time, on every replica.</summary>
public sealed partial class BookingRetentionJob(
    IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<BookingRetentionJob> logger)
    : BatchedPeriodicService(scopes, clock)
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override Task<int> RunBatchAsync(IServiceProvider services, int batchSize, CancellationToken cancellationToken) =>
        services.GetRequiredService<BookingRetention>().AnonymiseDueAsync(batchSize, cancellationToken);

    protected override void OnBatchDone(int handled) => LogAnonymised(logger, handled);

    protected override void OnRoundFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: anonymised {Count} bookings past the policy")]
    private static partial void LogAnonymised(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying the booking retention policy failed; the next round tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
