using CultureHealth.Shop.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Application.Orders;

internal static class OrderLoader
{
    /// <summary>
    /// Takes the order's row lock for the rest of the transaction, then loads it for change. Every status change
    /// goes through this, so a payment, the sweeper and staff serialise on the order rather than racing.
    /// </summary>
    public static async Task<Order?> LockAsync(ShopDbContext db, Guid orderId, CancellationToken ct)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM orders WHERE id = {orderId} FOR UPDATE", ct);
        return await LoadAsync(db, orderId, ct);
    }

    public static Task<Order?> LoadAsync(ShopDbContext db, Guid orderId, CancellationToken ct) =>
        db.Orders.Include(o => o.Items).Include(o => o.History).AsSplitQuery().FirstOrDefaultAsync(o => o.Id == orderId, ct);

    public static async Task<OrderView> ViewAsync(ShopDbContext db, Order order, CancellationToken ct)
    {
        var vouchers = await db.GiftVouchers.AsNoTracking().Where(v => v.IssuedForOrderId == order.Id).OrderBy(v => v.CreatedAt).ToListAsync(ct);
        return OrderView.From(order, vouchers);
    }
}
