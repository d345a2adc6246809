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
        var vouchers = IssueGiftVouchers(db, order, now);
        db.PublishOnCommit(OrderEvents.Paid(order, now), now);
        if (vouchers.Count > 0)
        {
            db.PublishOnCommit(OrderEvents.VouchersIssued(order, vouchers, now), now);
        }

        if (order.FulfilmentMode == FulfilmentMode.Instant)
        {
            // Vouchers are issued and booking grants package credits from OrderPaid: nothing is left to do.
            order.MoveTo(OrderStatus.Completed, now, "system", "Nothing to post; fulfilled on payment.");
        }
    }

    /// <summary>One voucher per unit bought, each worth its price.</summary>
    private static List<GiftVoucher> IssueGiftVouchers(ShopDbContext db, Order order, DateTimeOffset now)
    {
        var issued = new List<GiftVoucher>();
        foreach (var line in order.Items.Where(i => i.Kind == ProductKind.GiftVoucher))
        {
            for (var unit = 0; unit < line.Quantity; unit++)
            {
                var voucher = new GiftVoucher
                {
                    Id = Guid.CreateVersion7(now),
                    Code = GiftVoucherCode.Generate().Value,
                    InitialBalancePence = line.UnitPricePence,
                    BalancePence = line.UnitPricePence,
                    IssuedForOrderId = order.Id,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.GiftVouchers.Add(voucher);
                issued.Add(voucher);
            }
        }
        return issued;
    }
}
