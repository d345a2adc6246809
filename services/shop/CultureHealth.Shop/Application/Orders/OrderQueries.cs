using CultureHealth.ServiceDefaults.Secrets;
using CultureHealth.Shop.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Application.Orders;

/// <summary>An order as the holder of its token (from checkout) reads it.</summary>
internal sealed class OrderQueries(ShopDbContext db)
{
    /// <returns>
    /// The order, or null: a wrong token looks exactly like a missing order (the token is checked against an
    /// unmatchable hash when there is no order, so both take the same time).
    /// </returns>
    public async Task<OrderView?> WithTokenAsync(Guid orderId, string? token, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Items).Include(o => o.History).AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (!SecretToken.Verify(token, order?.AccessTokenHash ?? SecretToken.Unmatchable) || order is null)
        {
            return null;
        }

        return await OrderLoader.ViewAsync(db, order, ct);
    }
}
