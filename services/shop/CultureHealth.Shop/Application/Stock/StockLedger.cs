using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Application.Stock;

/// <summary>
/// The one place a product's stock changes: checkout reserves, staff adjust, a cancelled order's stock is put back.
/// Each change is one conditional UPDATE (stock never goes below zero, however many requests race for the last
/// unit), writes its row in the stock ledger and raises <see cref="StockLow"/> on commit when it crosses the
/// product's threshold (<see cref="LowStockRule"/>). The caller owns the transaction; the row locks the UPDATEs take
/// are held until it commits.
/// </summary>
internal sealed class StockLedger(ShopDbContext db)
{
    /// <summary>
    /// Takes the physical lines of an order out of stock, in product-id order so concurrent checkouts take the row
    /// locks in the same order and cannot deadlock.
    /// </summary>
    /// <exception cref="ProblemException">409 out of stock: a line does not fit; the caller's transaction must roll back.</exception>
    public async Task<StockMoves> ReserveAsync(Order order, IEnumerable<(Product Product, int Quantity)> lines, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var moves = new StockMoves();
        foreach (var (product, quantity) in lines.Where(l => l.Product.Kind == ProductKind.Physical).OrderBy(l => l.Product.Id))
        {
            if (!await TryMoveAsync(moves, product, -quantity, order.Id, $"Reserved for order {order.Number}", actor, now, ct))
            {
                var available = await db.Products.Where(p => p.Id == product.Id).Select(p => p.Stock).SingleAsync(ct);
                throw ShopProblems.OutOfStock(product.Sku, available);
            }
        }

        return moves;
    }

    /// <summary>Puts an order's physical lines back in stock (the order was cancelled), in product-id order like a reservation.</summary>
    public async Task<StockMoves> RestockAsync(Order order, string reason, string actor, DateTimeOffset now, CancellationToken ct)
    {
        var items = order.Items.Where(i => i.Kind == ProductKind.Physical).OrderBy(i => i.ProductId).ToList();
        var ids = items.Select(i => i.ProductId).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var moves = new StockMoves();
        foreach (var item in items)
        {
            var product = products[item.ProductId];
            if (!await TryMoveAsync(moves, product, item.Quantity, order.Id, reason, actor, now, ct))
            {
                throw new InvalidOperationException($"Product {product.Sku} has no stock to put order {order.Number}'s units back into.");
            }
        }

        return moves;
    }

    /// <summary>A staff member's count, delivery or write-off.</summary>
    /// <exception cref="ProblemException">409: a removal would take the stock below zero.</exception>
    public async Task<StockMoves> AdjustAsync(Product product, int delta, string reason, string actor, DateTimeOffset now, CancellationToken ct)
    {
        if (product.Kind != ProductKind.Physical)
        {
            throw ProblemException.Unprocessable("delta", $"{product.Sku} is not a physical product and has no stock.");
        }

        var moves = new StockMoves();
        return await TryMoveAsync(moves, product, delta, orderId: null, reason, actor, now, ct)
            ? moves
            : throw ProblemException.Conflict("Not enough stock", $"Removing {-delta} would take {product.Sku} below zero.");
    }

    /// <returns>False when the change would take the stock below zero: nothing changed.</returns>
    private async Task<bool> TryMoveAsync(
        StockMoves moves, Product product, int delta, Guid? orderId, string reason, string actor, DateTimeOffset now, CancellationToken ct)
    {
        // Not composed (no SingleAsync): EF would wrap the UPDATE in a sub-select, which PostgreSQL refuses.
        var remaining = await db.Database.SqlQuery<int>(
                $"UPDATE products SET stock = stock + {delta}, updated_at = {now} WHERE id = {product.Id} AND stock + {delta} >= 0 RETURNING stock AS \"Value\"")
            .ToListAsync(ct);
        if (remaining.Count == 0)
        {
            return false;
        }

        var entry = new StockAdjustment
        {
            ProductId = product.Id, Delta = delta, StockAfter = remaining[0], OrderId = orderId, Reason = reason, Actor = actor, At = now,
        };
        db.StockAdjustments.Add(entry);
        var crossedLowStock = LowStockRule.Crossed(entry.StockAfter, delta, product.LowStockThreshold);
        if (crossedLowStock)
        {
            db.PublishOnCommit(new StockLow(Guid.NewGuid(), now, product.Id, product.Sku, product.Name, entry.StockAfter, product.LowStockThreshold), now);
        }

        moves.Add(entry, crossedLowStock);
        return true;
    }
}

/// <summary>What a batch of stock changes did, for what the caller does after its commit (metrics, the catalogue cache).</summary>
internal sealed class StockMoves
{
    private readonly List<StockAdjustment> _entries = [];

    public IReadOnlyList<StockAdjustment> Entries => _entries;

    /// <summary>How many products fell to their low-stock threshold (each raised one <see cref="StockLow"/>).</summary>
    public int LowStockCrossings { get; private set; }

    /// <summary>A product reached zero: the catalogue must stop showing it in stock.</summary>
    public bool SoldOut => _entries.Any(e => e.Delta < 0 && e.StockAfter == 0);

    /// <summary>A product came back from zero: the catalogue must show it in stock again.</summary>
    public bool BackInStock => _entries.Any(e => e.Delta > 0 && e.StockAfter == e.Delta);

    public void Add(StockAdjustment entry, bool crossedLowStock)
    {
        _entries.Add(entry);
        LowStockCrossings += crossedLowStock ? 1 : 0;
    }
}
