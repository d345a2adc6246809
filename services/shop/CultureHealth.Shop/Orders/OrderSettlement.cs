using CultureHealth.Messaging.Data;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;

namespace CultureHealth.Shop.Orders;

/// <summary>What happens, in one transaction, when an order's money is in.</summary>
internal static class OrderSettlement
{
    public static void MarkPaid(ShopDbContext db, Order order, long amountPaidPence, DateTimeOffset now, string actor)
    {
        order.MoveTo(OrderStatus.Paid, now, actor);
        order.AmountPaidPence = amountPaidPence;
        IssueGiftVouchers(db, order, now);
        db.PublishOnCommit(OrderEvents.Paid(order, now), now);

        if (order.FulfilmentMode == FulfilmentMode.Instant)
        {
            // Vouchers are issued and booking grants package credits from OrderPaid: nothing is left to do.
            order.MoveTo(OrderStatus.Completed, now, "system", "Nothing to post; fulfilled on payment.");
        }
    }

    /// <summary>One voucher per unit bought, each worth its price.</summary>
    private static void IssueGiftVouchers(ShopDbContext db, Order order, DateTimeOffset now)
    {
        foreach (var line in order.Items.Where(i => i.Kind == ProductKind.GiftVoucher))
        {
            for (var unit = 0; unit < line.Quantity; unit++)
            {
                db.GiftVouchers.Add(new GiftVoucher
                {
                    Id = Guid.CreateVersion7(now),
                    Code = GiftVoucherCode.Generate().Value,
                    InitialBalancePence = line.UnitPricePence,
                    BalancePence = line.UnitPricePence,
                    IssuedForOrderId = order.Id,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }
        }
    }
}
