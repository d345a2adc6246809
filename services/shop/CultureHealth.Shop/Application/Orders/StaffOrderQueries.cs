using CultureHealth.Messaging.Data;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Application.Orders;

/// <summary>Orders as staff find and read them: with every payment attempt and refund.</summary>
internal sealed class StaffOrderQueries(ShopDbContext db)
{
    /// <param name="status">Only orders in this status; null for any.</param>
    /// <param name="customer">Part of the customer's name or email (literally, ignoring case), or an order number; blank for anyone.</param>
    public async Task<PagedList<OrderSummaryView>> ListAsync(OrderStatus? status, string? customer, int page, int pageSize, CancellationToken ct)
    {
        var query = db.Orders.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(customer))
        {
            var pattern = LikePatterns.Containing(customer);
            var number = customer.Trim().ToUpperInvariant();
            query = query.Where(o => o.Number == number
                || EF.Functions.ILike(o.CustomerName, pattern, LikePatterns.Escape)
                || EF.Functions.ILike(o.CustomerEmail, pattern, LikePatterns.Escape));
        }

        if (status is { } wanted)
        {
            query = query.Where(o => o.Status == wanted);
        }

        var (total, items) = await PagedQuery.PageAsync(query, q => q.OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id),
            q => q.Select(o => new OrderSummaryView(o.Id, o.Number, o.Status, o.CustomerName, o.CustomerEmail, o.TotalPence, o.AmountPaidPence, o.RefundedPence, o.CreatedAt)),
            page, pageSize, ct);
        return new PagedList<OrderSummaryView>(items, page, pageSize, total);
    }

    /// <returns>The order in full, or null if there is no such order.</returns>
    public async Task<StaffOrderView?> FindAsync(Guid orderId, CancellationToken ct) =>
        await OrderLoader.LoadAsync(db, orderId, ct) is { } order ? await ViewAsync(order, ct) : null;

    /// <summary>The order as it stands (after a staff change, as just saved), with its payments and refunds.</summary>
    public async Task<StaffOrderView> ViewAsync(Order order, CancellationToken ct)
    {
        var payments = await db.Payments.AsNoTracking().Where(p => p.OrderId == order.Id).OrderBy(p => p.CreatedAt)
            .Select(p => new PaymentSummaryView(p.Id, p.Provider, p.ProviderChargeId, p.AmountPence, p.Status.ToString(), p.FailureReason, p.CreatedAt))
            .ToListAsync(ct);
        var refunds = await db.Refunds.AsNoTracking().Where(r => r.OrderId == order.Id).OrderBy(r => r.CreatedAt)
            .Select(r => new RefundView(r.Id, r.AmountPence, r.Reason, r.Actor, r.SpentVoucherPence, r.OverrideReason, r.CreatedAt))
            .ToListAsync(ct);
        return new StaffOrderView(await OrderLoader.ViewAsync(db, order, ct), payments, refunds);
    }
}
