using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Carts;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using CultureHealth.Shop.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Shop.Api;

public static class CartEndpoints
{
    public static IEndpointRouteBuilder MapCartApi(this IEndpointRouteBuilder app)
    {
        var carts = app.MapGroup("/api/shop/carts").WithTags("Carts").WithNoStore(); // the cart id is its bearer token
        carts.MapPost("/", Create);
        carts.MapGet("/{cartId}", Get);
        carts.MapPost("/{cartId}/items", AddItem);
        carts.MapPut("/{cartId}/items/{sku}", SetQuantity);
        carts.MapDelete("/{cartId}/items/{sku}", RemoveItem);
        carts.MapPost("/{cartId}/coupon", ApplyCoupon);
        carts.MapDelete("/{cartId}/coupon", RemoveCoupon);
        return app;
    }

    private static async Task<Created<CartView>> Create(CartStore carts, CartQuoter quoter, ShopDbContext db, ShopMetrics metrics, CancellationToken ct)
    {
        var cart = carts.Create();
        await db.SaveChangesAsync(ct);
        metrics.CartCreated();
        return TypedResults.Created($"/api/shop/carts/{carts.LastIssuedToken}", await quoter.ViewAsync(cart, carts.LastIssuedToken, ct));
    }

    private static async Task<Ok<CartView>> Get(string cartId, CartStore carts, CartQuoter quoter, ShopDbContext db, CancellationToken ct)
    {
        var cart = await carts.FindAsync(cartId, ct);
        if (cart.OrderId is null)
        {
            carts.Touch(cart);
            await db.SaveChangesAsync(ct);
        }

        return TypedResults.Ok(await quoter.ViewAsync(cart, null, ct));
    }

    private static async Task<Results<Ok<CartView>, ValidationProblem>> AddItem(
        string cartId, AddCartItemRequest body, CartStore carts, CartQuoter quoter, ShopDbContext db,
        IOptions<ShopOptions> options, TimeProvider clock, CancellationToken ct)
    {
        var max = options.Value.MaxQuantityPerLine;
        var v = new RequestValidator().Required("sku", body.Sku, 64);
        if (body.Quantity is not { } quantity)
        {
            v.Add("quantity", "Required.");
            quantity = 0;
        }
        else
        {
            v.Range("quantity", quantity, 1, max);
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var cart = await carts.OpenForChangeAsync(cartId, ct);
        var sku = body.Sku!.Trim();
        var product = await db.Products.FirstOrDefaultAsync(p => p.Sku == sku && p.Active, ct)
            ?? throw ProblemException.Unprocessable("sku", $"There is no product {sku} for sale.");

        var line = cart.Items.FirstOrDefault(i => i.ProductId == product.Id);
        var newQuantity = (line?.Quantity ?? 0) + quantity;
        if (newQuantity > max)
        {
            throw ProblemException.Unprocessable("quantity", $"At most {max} of one item per order; the cart already has {line?.Quantity ?? 0}.");
        }

        if (line is null && cart.Items.Count >= CartLimits.Default.MaxLines)
        {
            throw ProblemException.Unprocessable("sku", $"A cart can hold at most {CartLimits.Default.MaxLines} different items.");
        }

        EnsureStockFor(product, newQuantity);
        if (line is null)
        {
            cart.Items.Add(new CartItem { CartId = cart.Id, ProductId = product.Id, Product = product, Quantity = newQuantity, AddedAt = clock.GetUtcNow() });
        }
        else
        {
            line.Quantity = newQuantity;
        }

        return TypedResults.Ok(await SaveAndViewAsync(cart, carts, quoter, db, ct));
    }

    private static async Task<Results<Ok<CartView>, ValidationProblem>> SetQuantity(
        string cartId, string sku, SetCartItemQuantityRequest body, CartStore carts, CartQuoter quoter, ShopDbContext db,
        IOptions<ShopOptions> options, CancellationToken ct)
    {
        var v = new RequestValidator();
        if (body.Quantity is not { } quantity)
        {
            v.Add("quantity", "Required.");
            quantity = 0;
        }
        else
        {
            v.Range("quantity", quantity, 1, options.Value.MaxQuantityPerLine);
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var cart = await carts.OpenForChangeAsync(cartId, ct);
        var line = FindLine(cart, sku);
        EnsureStockFor(line.Product!, quantity);
        line.Quantity = quantity;
        return TypedResults.Ok(await SaveAndViewAsync(cart, carts, quoter, db, ct));
    }

    private static async Task<Ok<CartView>> RemoveItem(string cartId, string sku, CartStore carts, CartQuoter quoter, ShopDbContext db, CancellationToken ct)
    {
        var cart = await carts.OpenForChangeAsync(cartId, ct);
        cart.Items.Remove(FindLine(cart, sku));
        return TypedResults.Ok(await SaveAndViewAsync(cart, carts, quoter, db, ct));
    }

    private static async Task<Results<Ok<CartView>, ValidationProblem>> ApplyCoupon(
        string cartId, ApplyCouponRequest body, CartStore carts, CartQuoter quoter, ShopDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var v = new RequestValidator().Required("code", body.Code, Coupon.MaxCodeLength);
        if (v.Failed)
        {
            return v.Problem();
        }

        var code = NormaliseOrRefuse(body.Code!);
        var cart = await carts.OpenForChangeAsync(cartId, ct);
        var record = await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Code == code, ct)
            ?? throw ShopProblems.CouponRefused("code", null);
        var lines = cart.Items.Where(i => i.Product is { Active: true }).Select(i => CartQuoter.ToLine(i.Product!, i.Quantity)).ToList();
        if (lines.Count == 0)
        {
            throw ProblemException.Unprocessable("code", "Add something to your basket before using a code.");
        }

        if (CouponEvaluator.Evaluate(record.ToDomain(), lines, clock.GetUtcNow(), record.TimesRedeemed, 0) is CouponRejected rejected)
        {
            throw ShopProblems.CouponRefused("code", rejected);
        }

        cart.CouponCode = code;
        return TypedResults.Ok(await SaveAndViewAsync(cart, carts, quoter, db, ct));
    }

    private static async Task<Ok<CartView>> RemoveCoupon(string cartId, CartStore carts, CartQuoter quoter, ShopDbContext db, CancellationToken ct)
    {
        var cart = await carts.OpenForChangeAsync(cartId, ct);
        cart.CouponCode = null;
        return TypedResults.Ok(await SaveAndViewAsync(cart, carts, quoter, db, ct));
    }

    private static string NormaliseOrRefuse(string code)
    {
        try
        {
            return Coupon.NormaliseCode(code);
        }
        catch (ArgumentException e)
        {
            throw ProblemException.Invalid("code", e.Message);
        }
    }

    private static CartItem FindLine(Cart cart, string sku) =>
        cart.Items.FirstOrDefault(i => string.Equals(i.Product?.Sku, sku, StringComparison.OrdinalIgnoreCase))
        ?? throw new ProblemException(StatusCodes.Status404NotFound, "Not in cart", $"{sku} is not in this cart.", "sku");

    /// <summary>An early, friendly check; checkout's conditional decrement is what actually prevents overselling.</summary>
    private static void EnsureStockFor(Product product, int quantity)
    {
        if (product.Kind == ProductKind.Physical && product.Stock < quantity)
        {
            throw ShopProblems.OutOfStock(product.Sku, product.Stock);
        }
    }

    private static async Task<CartView> SaveAndViewAsync(Cart cart, CartStore carts, CartQuoter quoter, ShopDbContext db, CancellationToken ct)
    {
        carts.Touch(cart);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (PostgresErrors.IsUniqueViolation(e))
        {
            // Two tabs added the same product at the same instant.
            throw ShopProblems.ConcurrentChange();
        }

        return await quoter.ViewAsync(cart, null, ct);
    }
}
