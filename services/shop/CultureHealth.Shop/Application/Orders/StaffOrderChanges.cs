using CultureHealth.Messaging.Data;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;

namespace CultureHealth.Shop.Application.Orders;

/// <summary>
/// Staff moving an order along its lifecycle, each under the order's row lock. A step the lifecycle refuses is a
/// conflict with the order's state (<see cref="ShopProblems.From"/>), not a server error.
/// </summary>
internal sealed class StaffOrderChanges(ShopDbContext db, StaffOrderQueries views, TimeProvider clock)
{
    /// <returns>The shipped order, or null if there is no such order.</returns>
    public Task<StaffOrderView?> ShipAsync(Guid orderId, string trackingReference, string actor, CancellationToken ct) =>
        ChangeAsync(orderId, ct, (order, now) =>
        {
            order.MoveTo(OrderStatus.Shipped, now, actor);
            order.TrackingReference = trackingReference;
            db.PublishOnCommit(OrderEvents.Shipped(order, now), now);
        });

    /// <returns>The delivered order, or null if there is no such order.</returns>
    public Task<StaffOrderView?> DeliverAsync(Guid orderId, string actor, CancellationToken ct) =>
        ChangeAsync(orderId, ct, (order, now) => order.MoveTo(OrderStatus.Delivered, now, actor));

    private async Task<StaffOrderView?> ChangeAsync(Guid orderId, CancellationToken ct, Action<Order, DateTimeOffset> change) =>
        await ChangeUnderLockAsync(orderId, ct, change) is { } order ? await views.ViewAsync(order, ct) : null;

    private async Task<Order?> ChangeUnderLockAsync(Guid orderId, CancellationToken ct, Action<Order, DateTimeOffset> change)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var order = await OrderLoader.LockAsync(db, orderId, ct);
        if (order is null)
        {
            return null;
        }

        try
        {
            change(order, clock.GetUtcNow());
        }
        catch (ShopDomainException e)
        {
            throw ShopProblems.From(e);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return order;
    }
}
