using CultureHealth.Messaging.Erasure;
using CultureHealth.Shop.Application.Orders;
using CultureHealth.Shop.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Application.PatientData;

public sealed record ShopOrderLineData(string Sku, string Name, int Quantity, long UnitPricePence, long LineTotalPence);

public sealed record ShopOrderData(
    Guid Id, string Number, string Status, string CustomerName, string CustomerEmail,
    string? ShippingLine1, string? ShippingLine2, string? ShippingCity, string? ShippingPostcode, string? ShippingCountry,
    long TotalPence, long VatPence, long AmountPaidPence, long RefundedPence, string? TrackingReference,
    DateTimeOffset CreatedAt, IReadOnlyList<ShopOrderLineData> Lines);

public sealed record ShopCouponUseData(Guid OrderId, DateTimeOffset RedeemedAt);

/// <summary>Everything the shop holds about one address (UK GDPR right of access). Carts hold no personal data.</summary>
public sealed record ShopPatientData(string Email, IReadOnlyList<ShopOrderData> Orders, IReadOnlyList<ShopCouponUseData> CouponUses);

/// <summary>
/// A customer's data in the shop. Orders are kept for HMRC (six years: amounts, VAT, lines, dates and status stay),
/// but erasure removes who bought them: name, address, email and the client address of an unpaid order.
/// </summary>
public sealed class ShopPatientDataService(ShopDbContext db)
{
    public async Task<ShopPatientData> ExportAsync(string email, CancellationToken ct)
    {
        var orders = await PatientOrders.PlacedWith(db, email).AsNoTracking().Include(o => o.Items)
            .OrderBy(o => o.CreatedAt)
            .ToListAsync(ct);
        var coupons = await db.CouponRedemptions.AsNoTracking()
            .Where(r => r.CustomerEmail == email)
            .OrderBy(r => r.RedeemedAt)
            .Select(r => new ShopCouponUseData(r.OrderId, r.RedeemedAt))
            .ToListAsync(ct);
        return new ShopPatientData(email, orders.Select(o => new ShopOrderData(
            o.Id, o.Number, o.Status.ToString(), o.CustomerName, o.CustomerEmail,
            o.ShippingLine1, o.ShippingLine2, o.ShippingCity, o.ShippingPostcode, o.ShippingCountry,
            o.TotalPence, o.VatPence, o.AmountPaidPence, o.RefundedPence, o.TrackingReference, o.CreatedAt,
            o.Items.OrderBy(i => i.LineNumber).Select(i => new ShopOrderLineData(i.Sku, i.Name, i.Quantity, i.UnitPricePence, i.LineTotalPence)).ToList()))
            .ToList(), coupons);
    }

    /// <summary>Runs in the caller's transaction.</summary>
    public async Task<ErasedRecords> EraseAsync(string email, CancellationToken ct)
    {
        var ids = await PatientOrders.PlacedWith(db, email).Select(o => o.Id).ToListAsync(ct);
        if (ids.Count > 0)
        {
            await AnonymiseAsync(db.Orders.Where(o => ids.Contains(o.Id)), ct);
        }
        // Redemptions still count towards a coupon's total use; the per-customer count no longer knows whose they were.
        var redemptions = await db.CouponRedemptions.Where(r => r.CustomerEmail == email)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CustomerEmail, ErasedPersonalData.Email), ct);
        return new ErasedRecords(ids.Count + redemptions, ids);
    }

    /// <summary>What an order keeps once it no longer says who bought it (erasure and the retention policy alike).</summary>
    public static Task<int> AnonymiseAsync(IQueryable<Order> orders, CancellationToken ct) =>
        orders.ExecuteUpdateAsync(s => s
            .SetProperty(o => o.CustomerName, ErasedPersonalData.Name)
            .SetProperty(o => o.CustomerEmail, ErasedPersonalData.Email)
            .SetProperty(o => o.ShippingLine1, (string?)null)
            .SetProperty(o => o.ShippingLine2, (string?)null)
            .SetProperty(o => o.ShippingCity, (string?)null)
            .SetProperty(o => o.ShippingPostcode, (string?)null)
            .SetProperty(o => o.ShippingCountry, (string?)null)
            .SetProperty(o => o.HoldClientAddress, (string?)null), ct);
}
