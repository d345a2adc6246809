using CultureHealth.Admin.Dashboard;
using CultureHealth.Admin.Data;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Inbox;
using MassTransit;

namespace CultureHealth.Admin.Messaging;

public sealed class OrderPlacedProjection(AdminDbContext db, TimeProvider clock, ILogger<OrderPlacedProjection> logger)
    : IdempotentConsumer<OrderPlaced, AdminDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(OrderPlaced m, ConsumeContext<OrderPlaced> context, CancellationToken ct)
    {
        var row = await ShopRows.OrderAsync(Db, m.OrderId, ct);
        row.OrderNumber = m.OrderNumber;
        row.CustomerEmail = m.CustomerEmail;
        row.TotalPence = m.TotalPence;
        row.PlacedAt = m.OccurredAt;
        row.HasPhysicalGoods = m.Lines.Any(l => l.Kind == OrderLineKinds.Physical);
    }
}

public sealed class OrderPaidProjection(AdminDbContext db, TimeProvider clock, ILogger<OrderPaidProjection> logger)
    : IdempotentConsumer<OrderPaid, AdminDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(OrderPaid m, ConsumeContext<OrderPaid> context, CancellationToken ct)
    {
        var row = await ShopRows.OrderAsync(Db, m.OrderId, ct);
        row.OrderNumber = m.OrderNumber;
        row.CustomerEmail = m.CustomerEmail;
        row.TotalPence = m.TotalPence;
        row.HasPhysicalGoods = m.Lines.Any(l => l.Kind == OrderLineKinds.Physical);
        if (row.Status is "placed")
        {
            row.Status = "paid";
        }
        row.PaidAt = m.OccurredAt;
        Db.Revenue.Add(new RevenueEntry { EventId = m.EventId, OrderId = m.OrderId, AmountPence = m.TotalPence, At = m.OccurredAt });
    }
}

public sealed class OrderShippedProjection(AdminDbContext db, TimeProvider clock, ILogger<OrderShippedProjection> logger)
    : IdempotentConsumer<OrderShipped, AdminDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(OrderShipped m, ConsumeContext<OrderShipped> context, CancellationToken ct)
    {
        var row = await ShopRows.OrderAsync(Db, m.OrderId, ct);
        row.OrderNumber = m.OrderNumber;
        row.Status = "shipped";
    }
}

public sealed class OrderCancelledProjection(AdminDbContext db, TimeProvider clock, ILogger<OrderCancelledProjection> logger)
    : IdempotentConsumer<OrderCancelled, AdminDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(OrderCancelled m, ConsumeContext<OrderCancelled> context, CancellationToken ct)
    {
        var row = await ShopRows.OrderAsync(Db, m.OrderId, ct);
        row.OrderNumber = m.OrderNumber;
        row.Status = "cancelled";
    }
}

public sealed class OrderRefundedProjection(AdminDbContext db, TimeProvider clock, ILogger<OrderRefundedProjection> logger)
    : IdempotentConsumer<OrderRefunded, AdminDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(OrderRefunded m, ConsumeContext<OrderRefunded> context, CancellationToken ct)
    {
        var row = await ShopRows.OrderAsync(Db, m.OrderId, ct);
        row.OrderNumber = m.OrderNumber;
        if (m.FullRefund)
        {
            row.Status = "refunded";
        }
        Db.Revenue.Add(new RevenueEntry { EventId = m.EventId, OrderId = m.OrderId, AmountPence = -m.AmountPence, At = m.OccurredAt });
    }
}

public sealed class StockLowProjection(AdminDbContext db, TimeProvider clock, ILogger<StockLowProjection> logger)
    : IdempotentConsumer<StockLow, AdminDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(StockLow m, ConsumeContext<StockLow> context, CancellationToken ct)
    {
        if (await ProjectionRows.FindOrAddUnlessNewerAsync(Db.LowStock, m.ProductId,
                () => new LowStockAlert { ProductId = m.ProductId }, r => r.ReportedAt, m.OccurredAt, ct) is not { } row)
        {
            return;
        }
        row.Sku = m.Sku;
        row.Name = m.Name;
        row.Stock = m.Stock;
        row.Threshold = m.Threshold;
        row.ReportedAt = m.OccurredAt;
    }
}

internal static class ShopRows
{
    public static Task<DashboardOrder> OrderAsync(AdminDbContext db, Guid orderId, CancellationToken ct) =>
        ProjectionRows.FindOrAddAsync(db.DashboardOrders, orderId, () => new DashboardOrder { OrderId = orderId }, ct);
}
