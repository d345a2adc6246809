using System.Text.RegularExpressions;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Catalogue;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Telemetry;
using CultureHealth.Shop.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using System.Security.Claims;

namespace CultureHealth.Shop.Api.Manage;

internal static partial class ProductManagementEndpoints
{
    public static RouteGroupBuilder MapProductManagement(this RouteGroupBuilder manage)
    {
        var products = manage.MapGroup("/products").WithTags("Products (staff)");
        products.MapGet("/", List);
        products.MapPost("/", Create);
        products.MapPut("/{id:guid}", Update);
        products.MapPost("/{id:guid}/deactivate", Deactivate);
        products.MapPost("/{id:guid}/stock-adjustments", AdjustStock);
        return manage;
    }

    private static async Task<Ok<List<StaffProductView>>> List(ShopDbContext db, CancellationToken ct) =>
        TypedResults.Ok((await db.Products.AsNoTracking().OrderBy(p => p.Category).ThenBy(p => p.Name).ToListAsync(ct))
            .Select(ToView).ToList());

    private static async Task<Results<Created<StaffProductView>, ValidationProblem>> Create(
        ProductInput body, ShopDbContext db, IOutputCacheStore cache, TimeProvider clock, CancellationToken ct)
    {
        var v = Validate(body, creating: true);
        if (v.Failed)
        {
            return v.Problem();
        }

        var now = clock.GetUtcNow();
        var kind = body.Kind!.Value;
        var product = new Product
        {
            Id = Guid.CreateVersion7(now), Sku = body.Sku!.Trim().ToUpperInvariant(), Kind = kind,
            Stock = kind == ProductKind.Physical ? body.Stock ?? 0 : null, CreatedAt = now,
        };
        Apply(product, body, now);
        db.Products.Add(product);
        await SaveAsync(db, ct);
        await CatalogueCache.EvictAsync(cache, ct);
        return TypedResults.Created($"/manage/shop/products/{product.Id}", ToView(product));
    }

    private static async Task<Results<Ok<StaffProductView>, NotFound, ValidationProblem>> Update(
        Guid id, ProductInput body, ShopDbContext db, IOutputCacheStore cache, TimeProvider clock, CancellationToken ct)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return TypedResults.NotFound();
        }

        var v = Validate(body with { Kind = product.Kind }, creating: false);
        if (body.Kind is { } kind && kind != product.Kind)
        {
            v.Add("kind", "A product's kind cannot change; create a new product instead.");
        }

        if (body.Stock is not null)
        {
            v.Add("stock", "Stock changes through stock adjustments, which record a reason.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        Apply(product, body, clock.GetUtcNow());
        await SaveAsync(db, ct);
        await CatalogueCache.EvictAsync(cache, ct);
        return TypedResults.Ok(ToView(product));
    }

    private static async Task<Results<Ok<StaffProductView>, NotFound>> Deactivate(
        Guid id, ShopDbContext db, IOutputCacheStore cache, TimeProvider clock, CancellationToken ct)
    {
        var product = await db.Products.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return TypedResults.NotFound();
        }

        // Kept, not deleted: past orders and the stock ledger still point at it.
        product.Active = false;
        product.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        await CatalogueCache.EvictAsync(cache, ct);
        return TypedResults.Ok(ToView(product));
    }

    private static async Task<Results<Created<StockAdjustmentView>, NotFound, ValidationProblem>> AdjustStock(
        Guid id, StockAdjustmentRequest body, ClaimsPrincipal user, ShopDbContext db, IOutputCacheStore cache, TimeProvider clock,
        ShopMetrics metrics, CancellationToken ct)
    {
        var v = new RequestValidator().Required("reason", body.Reason, 500);
        if (body.Delta is not { } delta || delta == 0)
        {
            v.Add("delta", "A non-zero whole number of units to add (positive) or remove (negative).");
            delta = 0;
        }
        else
        {
            v.Range("delta", delta, -100_000, 100_000);
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return TypedResults.NotFound();
        }

        if (product.Kind != ProductKind.Physical)
        {
            throw ProblemException.Unprocessable("delta", $"{product.Sku} is not a physical product and has no stock.");
        }

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Conditional like checkout's, so a removal racing with sales cannot take stock below zero.
        var rows = await db.Database.SqlQuery<int>(
                $"UPDATE products SET stock = stock + {delta}, updated_at = {now} WHERE id = {id} AND stock + {delta} >= 0 RETURNING stock AS \"Value\"")
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            throw ProblemException.Conflict("Not enough stock", $"Removing {-delta} would take {product.Sku} below zero.");
        }

        var stockAfter = rows[0];
        var actor = StaffActor.Of(user);
        var adjustment = new StockAdjustment
        {
            ProductId = id, Delta = delta, StockAfter = stockAfter, Reason = body.Reason!.Trim(), Actor = actor, At = now,
        };
        db.StockAdjustments.Add(adjustment);
        var crossedLowStock = stockAfter <= product.LowStockThreshold && stockAfter - delta > product.LowStockThreshold;
        if (crossedLowStock)
        {
            db.PublishOnCommit(new StockLow(Guid.NewGuid(), now, product.Id, product.Sku, product.Name, stockAfter, product.LowStockThreshold), now);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        if (crossedLowStock)
        {
            metrics.StockLow();
        }

        await CatalogueCache.EvictAsync(cache, ct);
        return TypedResults.Created(
            $"/manage/shop/products/{id}",
            new StockAdjustmentView(id, product.Sku, delta, stockAfter, adjustment.Reason, actor, now));
    }

    private static RequestValidator Validate(ProductInput body, bool creating)
    {
        var v = new RequestValidator();
        if (creating)
        {
            v.Required("sku", body.Sku, 64);
            if (body.Sku is not null && !SkuPattern().IsMatch(body.Sku.Trim()))
            {
                v.Add("sku", "Letters, digits and dashes only.");
            }

            if (body.Kind is null || !Enum.IsDefined(body.Kind.Value))
            {
                v.Add("kind", "One of physical, giftVoucher, treatmentPackage.");
            }

            if (body.Stock is < 0)
            {
                v.Add("stock", "Cannot be negative.");
            }
        }

        v.Required("slug", body.Slug, 120).Required("name", body.Name, 200).Optional("description", body.Description, 4000)
            .Required("category", body.Category, 60);
        if (body.Slug is not null && !SlugPattern().IsMatch(body.Slug))
        {
            v.Add("slug", "Lower-case letters, digits and dashes only.");
        }

        if (body.PricePence is not { } price)
        {
            v.Add("pricePence", "Required.");
        }
        else
        {
            v.Range("pricePence", price, 0, CartLimits.Default.MaxUnitPricePence);
        }

        if (body.VatClass is null || !Enum.IsDefined(body.VatClass.Value))
        {
            v.Add("vatClass", "One of standard, reduced, zero, exempt.");
        }
        else if (body.Kind == ProductKind.GiftVoucher && Vat.RateBasisPoints(body.VatClass.Value) != 0)
        {
            v.Add("vatClass", "Gift vouchers carry no VAT when sold; use exempt.");
        }

        if (body.Kind == ProductKind.TreatmentPackage)
        {
            v.Required("appointmentTypeCode", body.AppointmentTypeCode, 60);
            if (body.SessionsPerUnit is not (>= 1 and <= 100))
            {
                v.Add("sessionsPerUnit", "Between 1 and 100 sessions.");
            }
        }

        if (body.LowStockThreshold is < 0)
        {
            v.Add("lowStockThreshold", "Cannot be negative.");
        }

        if (body.ImageUrls is { } urls && (urls.Count > 10 || urls.Any(u => u is null || u.Length > 500)))
        {
            v.Add("imageUrls", "At most 10 URLs of up to 500 characters.");
        }

        return v;
    }

    private static void Apply(Product product, ProductInput body, DateTimeOffset now)
    {
        product.Slug = body.Slug!.Trim();
        product.Name = body.Name!.Trim();
        product.Description = body.Description?.Trim() ?? "";
        product.Category = body.Category!.Trim().ToLowerInvariant();
        product.ImageUrls = body.ImageUrls ?? product.ImageUrls;
        product.PricePence = body.PricePence!.Value;
        product.VatClass = body.VatClass!.Value;
        product.AppointmentTypeCode = product.Kind == ProductKind.TreatmentPackage ? body.AppointmentTypeCode!.Trim() : null;
        product.SessionsPerUnit = product.Kind == ProductKind.TreatmentPackage ? body.SessionsPerUnit : null;
        product.LowStockThreshold = body.LowStockThreshold ?? product.LowStockThreshold;
        product.Active = body.Active ?? product.Active;
        product.UpdatedAt = now;
    }

    private static async Task SaveAsync(ShopDbContext db, CancellationToken ct)
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

    private static StaffProductView ToView(Product p) => new(ProductView.From(p), p.Stock, p.LowStockThreshold, p.Active);

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex SkuPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
