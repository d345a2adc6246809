using CultureHealth.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace CultureHealth.Booking.Application;

/// <summary>Releases the slots of pending bookings nobody confirmed in time, a batch at a time, on every replica.</summary>
public sealed partial class PendingBookingSweeper(
    IServiceScopeFactory scopes, IOptions<GuestBookingOptions> options, TimeProvider clock, ILogger<PendingBookingSweeper> logger)
    : PeriodicBackgroundService(clock)
{
    private const int Batch = 100;

    protected override TimeSpan Interval => options.Value.PendingSweepInterval;

    protected override async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        int released;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            released = await scope.ServiceProvider.GetRequiredService<PendingBookings>().ExpireDueAsync(Batch, cancellationToken);
        }
        while (released == Batch);
    }

    protected override void OnRoundFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing expired pending bookings failed; the next round tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
