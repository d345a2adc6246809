using CultureHealth.Shop.Application.Catalogue;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Telemetry;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Application.Stock;

/// <summary>A staff member's stock count, delivery or write-off, written through the <see cref="StockLedger"/>.</summary>
internal sealed class StaffStockAdjustments(ShopDbContext db, StockLedger ledger, IOutputCacheStore cache, TimeProvider clock, ShopMetrics metrics)
{
    /// <returns>The ledger row written, or null if there is no such product.</returns>
    public async Task<StockAdjustmentView?> AdjustAsync(Guid productId, int delta, string reason, string actor, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == productId, ct);
        if (product is null)
        {
            return null;
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var moves = await ledger.AdjustAsync(product, delta, reason, actor, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (moves.LowStockCrossings > 0)
        {
            metrics.StockLow(moves.LowStockCrossings);
        }

        await CatalogueCache.EvictAsync(cache, ct);
        var entry = moves.Entries[0];
        return new StockAdjustmentView(productId, product.Sku, entry.Delta, entry.StockAfter, entry.Reason, entry.Actor, entry.At);
    }
}
