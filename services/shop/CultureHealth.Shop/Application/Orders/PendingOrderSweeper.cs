using CultureHealth.ServiceDefaults.Hosting;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Shop.Application.Orders;

/// <summary>
/// Every <see cref="ShopOptions.SweeperInterval"/>: cancels orders whose payment did not arrive in time (putting
/// their stock back) and deletes carts that expired unused. A timer in the
/// service rather than a broker scheduler: the database decides what is due, so replicas can all sweep safely.
/// </summary>
internal sealed partial class PendingOrderSweeper(
    IServiceScopeFactory scopes, TimeProvider clock, IOptions<ShopOptions> options, ILogger<PendingOrderSweeper> logger) : PeriodicBackgroundService(clock)
{
    private const int BatchSize = 100;

    protected override TimeSpan Interval => options.Value.SweeperInterval;

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => SweepAsync(cancellationToken);

    public async Task SweepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var cancellation = scope.ServiceProvider.GetRequiredService<OrderCancellation>();
        var now = Clock.GetUtcNow();

        var overdue = await db.Orders.AsNoTracking()
            .Where(o => (o.Status == OrderStatus.PendingPayment || o.Status == OrderStatus.PaymentFailed) && o.PaymentDueBy <= now)
            .OrderBy(o => o.PaymentDueBy).Select(o => o.Id).Take(BatchSize).ToListAsync(ct);
        foreach (var orderId in overdue)
        {
            if (await cancellation.CancelUnpaidAsync(orderId, "system:sweeper", "Payment not received in time", onlyIfOverdue: true, ct))
            {
                LogCancelled(logger, orderId);
            }
        }

        await db.Carts.Where(c => c.ExpiresAt <= now && c.OrderId == null).ExecuteDeleteAsync(ct);
    }

    protected override void OnRoundFailed(Exception exception) => LogSweepFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cancelled unpaid order {OrderId} and released its stock")]
    private static partial void LogCancelled(ILogger logger, Guid orderId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Order sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
