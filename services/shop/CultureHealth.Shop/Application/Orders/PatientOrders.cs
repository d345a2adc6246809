using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Application.Orders;

public sealed record MyOrderLine(string Name, int Quantity, long LineTotalPence);

/// <summary>One order in a patient's list: its number, status and what it came to, with its lines.</summary>
public sealed record MyOrderSummary(
    Guid Id, string Number, OrderStatus Status, DateTimeOffset CreatedAt, long TotalPence, long AmountPaidPence, long RefundedPence,
    string Currency, string? TrackingReference, IReadOnlyList<MyOrderLine> Lines);

/// <summary>Newest first, at most <see cref="PatientOrders.Shown"/>.</summary>
public sealed record MyOrders(string Email, IReadOnlyList<MyOrderSummary> Orders);

/// <summary>
/// A signed-in patient's own orders: every order placed with the address their token proves, as a guest or not,
/// compared trimmed and lower case. An order of another address answers exactly like a missing one.
/// </summary>
public sealed class PatientOrders(ShopDbContext db)
{
    public const int Shown = 100;

    /// <summary>
    /// The orders placed with <paramref name="normalisedEmail"/> (already trimmed and lower case). EF writes this comparison
    /// as <c>lower(btrim(customer_email, E' \t\n\r'))</c>, the expression the index of migration CustomerEmailLookupIndex
    /// covers: change one and the other must follow (PatientOrderTests reads the plan).
    /// </summary>
    public static IQueryable<Order> PlacedWith(ShopDbContext db, string normalisedEmail) =>
        db.Orders.Where(o => o.CustomerEmail.Trim().ToLower() == normalisedEmail);

    public async Task<MyOrders> ForAsync(string verifiedEmail, CancellationToken ct)
    {
        var orders = await PlacedWith(db, verifiedEmail).AsNoTracking().Include(o => o.Items).AsSplitQuery()
            .OrderByDescending(o => o.CreatedAt).Take(Shown)
            .ToListAsync(ct);
        return new MyOrders(verifiedEmail, orders.Select(o => new MyOrderSummary(
            o.Id, o.Number, o.Status, o.CreatedAt, o.TotalPence, o.AmountPaidPence, o.RefundedPence, "GBP", o.TrackingReference,
            o.Items.OrderBy(i => i.LineNumber).Select(i => new MyOrderLine(i.Name, i.Quantity, i.LineTotalPence)).ToList())).ToList());
    }

    /// <summary>The whole order (as its token's holder sees it) if it was placed with <paramref name="verifiedEmail"/>; otherwise null.</summary>
    public async Task<OrderView?> OneAsync(string verifiedEmail, Guid orderId, CancellationToken ct)
    {
        var order = await PlacedWith(db, verifiedEmail).AsNoTracking().Include(o => o.Items).Include(o => o.History).AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Id == orderId, ct);
        return order is null ? null : await OrderLoader.ViewAsync(db, order, ct);
    }
}
