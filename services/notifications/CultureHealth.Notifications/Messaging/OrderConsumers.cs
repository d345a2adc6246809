using CultureHealth.Contracts;
using CultureHealth.Messaging.Inbox;
using CultureHealth.Notifications.Composition;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Email;
using CultureHealth.ServiceDefaults.Secrets;
using MassTransit;

namespace CultureHealth.Notifications.Messaging;

/// <summary>Emails the customer's receipt, with the VAT part of the total.</summary>
public sealed class OrderPaidConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<OrderPaidConsumer> logger, ShopEmails emails, Mailer mailer)
    : IdempotentConsumer<OrderPaid, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(OrderPaid m, ConsumeContext<OrderPaid> context, CancellationToken ct) =>
        mailer.SendAsync(m, m.OrderId, MessageKinds.OrderPaid, emails.Receipt(m), ct);
}

/// <summary>Emails the codes of the gift vouchers an order paid for, opened from the sealed event: the buyer's only copy.</summary>
public sealed class GiftVouchersIssuedConsumer(
    NotificationsDbContext db, TimeProvider clock, ILogger<GiftVouchersIssuedConsumer> logger, ShopEmails emails, Mailer mailer, EventSecrets secrets)
    : IdempotentConsumer<GiftVouchersIssued, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(GiftVouchersIssued m, ConsumeContext<GiftVouchersIssued> context, CancellationToken ct)
    {
        var opened = m with { Vouchers = m.Vouchers.Select(v => v with { Code = SealedFields.Open(secrets, v.Code, "Vouchers.Code") }).ToList() };
        return mailer.SendAsync(m, m.OrderId, MessageKinds.GiftVouchers, emails.GiftVouchers(opened), ct);
    }
}

public sealed class OrderShippedConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<OrderShippedConsumer> logger, ShopEmails emails, Mailer mailer)
    : IdempotentConsumer<OrderShipped, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(OrderShipped m, ConsumeContext<OrderShipped> context, CancellationToken ct) =>
        mailer.SendAsync(m, m.OrderId, MessageKinds.OrderShipped, emails.Shipped(m), ct);
}

public sealed class OrderRefundedConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<OrderRefundedConsumer> logger, ShopEmails emails, Mailer mailer)
    : IdempotentConsumer<OrderRefunded, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(OrderRefunded m, ConsumeContext<OrderRefunded> context, CancellationToken ct) =>
        mailer.SendAsync(m, m.OrderId, MessageKinds.OrderRefunded, emails.Refunded(m), ct);
}

/// <summary>Alerts staff when a product runs low.</summary>
public sealed class StockLowConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<StockLowConsumer> logger, CommunityEmails emails, Mailer mailer)
    : IdempotentConsumer<StockLow, NotificationsDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(StockLow m, ConsumeContext<StockLow> context, CancellationToken ct) =>
        mailer.SendAsync(m, m.ProductId, MessageKinds.StockLow, emails.StockLow(m), ct);
}
