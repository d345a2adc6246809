using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Application.Catalogue;

/// <summary>What became of a staff edit: no such product (both null), every field the edit got wrong, or the product as saved.</summary>
public sealed record ProductUpdate(StaffProductView? Saved, RequestValidator? Refused);

/// <summary>
/// Staff creating, changing and withdrawing products. Input is checked first by <see cref="ProductInputValidation"/>;
/// every change evicts the public catalogue's cached pages.
/// </summary>
internal sealed class StaffProducts(ShopDbContext db, IOutputCacheStore cache, TimeProvider clock)
{
    /// <summary>Every product, withdrawn ones too, by category and name.</summary>
    public async Task<List<StaffProductView>> ListAsync(CancellationToken ct) =>
        (await db.Products.AsNoTracking().OrderBy(p => p.Category).ThenBy(p => p.Name).ToListAsync(ct))
            .Select(StaffProductView.From).ToList();

    /// <param name="input">Passed <see cref="ProductInputValidation.ForCreate"/>.</param>
    public async Task<StaffProductView> CreateAsync(ProductInput input, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var kind = input.Kind!.Value;
        var product = new Product
        {
            Id = Guid.CreateVersion7(now), Sku = input.Sku!.Trim().ToUpperInvariant(), Kind = kind,
            Stock = kind == ProductKind.Physical ? input.Stock ?? 0 : null, CreatedAt = now,
        };
        Apply(product, input, now);
        db.Products.Add(product);
        await SaveAsync(ct);
        await CatalogueCache.EvictAsync(cache, ct);
        return StaffProductView.From(product);
    }

    /// <summary>
    /// Checks <paramref name="input"/> against the product as it is (<see cref="ProductInputValidation.ForUpdate"/>:
    /// its kind stays, its stock moves only through the ledger), then saves it.
    /// </summary>
    public async Task<ProductUpdate> UpdateAsync(Guid id, ProductInput input, CancellationToken ct)
    {
        var product = await FindAsync(id, ct);
        if (product is null)
        {
            return new ProductUpdate(null, null);
        }

        var v = ProductInputValidation.ForUpdate(input, product);
        if (v.Failed)
        {
            return new ProductUpdate(null, v);
        }

        Apply(product, input, clock.GetUtcNow());
        await SaveAsync(ct);
        await CatalogueCache.EvictAsync(cache, ct);
        return new ProductUpdate(StaffProductView.From(product), null);
    }

    /// <returns>The withdrawn product, or null if there is no such product.</returns>
    public async Task<StaffProductView?> DeactivateAsync(Guid id, CancellationToken ct)
    {
        var product = await FindAsync(id, ct);
        if (product is null)
        {
            return null;
        }

        // Kept, not deleted: past orders and the stock ledger still point at it.
        product.Active = false;
        product.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await CatalogueCache.EvictAsync(cache, ct);
        return StaffProductView.From(product);
    }

    private Task<Product?> FindAsync(Guid id, CancellationToken ct) => db.Products.FirstOrDefaultAsync(p => p.Id == id, ct);

    private static void Apply(Product product, ProductInput input, DateTimeOffset now)
    {
        product.Slug = input.Slug!.Trim();
        product.Name = input.Name!.Trim();
        product.Description = input.Description?.Trim() ?? "";
        product.Category = input.Category!.Trim().ToLowerInvariant();
        product.ImageUrls = input.ImageUrls ?? product.ImageUrls;
        product.PricePence = input.PricePence!.Value;
        product.VatClass = input.VatClass!.Value;
        product.AppointmentTypeCode = product.Kind == ProductKind.TreatmentPackage ? input.AppointmentTypeCode!.Trim() : null;
        product.SessionsPerUnit = product.Kind == ProductKind.TreatmentPackage ? input.SessionsPerUnit : null;
        product.LowStockThreshold = input.LowStockThreshold ?? product.LowStockThreshold;
        product.Active = input.Active ?? product.Active;
        product.UpdatedAt = now;
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (PostgresErrors.IsUniqueViolation(e))
        {
            throw ProblemException.Conflict("Already exists", "Another product already has this SKU or slug.");
        }
    }
}
