using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Secrets;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;

namespace CultureHealth.Shop.Application.Orders;

/// <summary>What happens, in one transaction, when an order's money is in.</summary>
internal static class OrderSettlement
{
    /// <param name="secrets">Seals the new voucher codes into their event: the email is the buyer's only copy.</param>
    public static void MarkPaid(ShopDbContext db, EventSecrets secrets, Order order, long amountPaidPence, DateTimeOffset now, string actor)
    {
        order.MoveTo(OrderStatus.Paid, now, actor);
        order.AmountPaidPence = amountPaidPence;
        var vouchers = IssueGiftVouchers(db, order, now);
        db.PublishOnCommit(OrderEvents.Paid(order, now), now);
        if (vouchers.Count > 0)
        {
            db.PublishOnCommit(OrderEvents.VouchersIssued(order, vouchers.Select(v => (secrets.Seal(v.Code.Value), v.Voucher.InitialBalancePence)), now), now);
        }

        if (order.FulfilmentMode == FulfilmentMode.Instant)
        {
            // Vouchers are issued and booking grants package credits from OrderPaid: nothing is left to do.
            order.MoveTo(OrderStatus.Completed, now, "system", "Nothing to post; fulfilled on payment.");
        }
    }

    /// <summary>One voucher per unit bought, each worth its price; the codes leave this method and are never stored.</summary>
    private static List<(GiftVoucher Voucher, GiftVoucherCode Code)> IssueGiftVouchers(ShopDbContext db, Order order, DateTimeOffset now)
    {
        var issued = new List<(GiftVoucher, GiftVoucherCode)>();
        foreach (var line in order.Items.Where(i => i.Kind == ProductKind.GiftVoucher))
        {
            for (var unit = 0; unit < line.Quantity; unit++)
            {
                var code = GiftVoucherCode.Generate();
                var voucher = new GiftVoucher
                {
                    Id = Guid.CreateVersion7(now),
                    CodeHash = code.Hash,
                    CodeLastFour = code.LastFour,
                    InitialBalancePence = line.UnitPricePence,
                    BalancePence = line.UnitPricePence,
                    IssuedForOrderId = order.Id,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.GiftVouchers.Add(voucher);
                issued.Add((voucher, code));
            }
        }
        return issued;
    }
}
