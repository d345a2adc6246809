using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using CultureHealth.Shop.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Shop.Application.Carts;

/// <summary>
/// What a customer does to a cart: start one, look at it, add, change and remove lines, apply and drop a code.
/// Each change keeps the cart's inactivity clock running and answers with the cart as priced now. The stock checks
/// here are early and friendly; checkout's reservation in the stock ledger is what prevents overselling.
/// </summary>
internal sealed class CartChanges(
    ShopDbContext db, CartStore carts, CartQuoter quoter, IOptions<ShopOptions> options, TimeProvider clock, ShopMetrics metrics)
{
    private int MaxQuantityPerLine => options.Value.MaxQuantityPerLine;

    /// <returns>The new cart's token (its id for the client, handed out only here) and the empty cart.</returns>
    public async Task<(string Token, CartView Cart)> CreateAsync(CancellationToken ct)
    {
        var cart = carts.Create();
        await db.SaveChangesAsync(ct);
        metrics.CartCreated();
        var token = carts.LastIssuedToken!;
        return (token, await quoter.ViewAsync(cart, token, ct));
    }

    /// <summary>Looking at a cart that can still change counts as using it.</summary>
    public async Task<CartView> ViewAsync(string cartId, CancellationToken ct)
    {
        var cart = await carts.FindAsync(cartId, ct);
        if (cart.OrderId is null)
        {
            carts.Touch(cart);
            await db.SaveChangesAsync(ct);
        }

        return await quoter.ViewAsync(cart, null, ct);
    }

    public RequestValidator Check(AddCartItemRequest body) =>
        CheckQuantity(new RequestValidator().Required("sku", body.Sku, 64), body.Quantity);

    public RequestValidator Check(SetCartItemQuantityRequest body) => CheckQuantity(new RequestValidator(), body.Quantity);

    /// <param name="body">Passed <see cref="Check(AddCartItemRequest)"/>.</param>
    public async Task<CartView> AddItemAsync(string cartId, AddCartItemRequest body, CancellationToken ct)
    {
        var cart = await carts.OpenForChangeAsync(cartId, ct);
        var sku = body.Sku!.Trim();
        var product = await db.Products.FirstOrDefaultAsync(p => p.Sku == sku && p.Active, ct)
            ?? throw ProblemException.Unprocessable("sku", $"There is no product {sku} for sale.");

        var line = cart.Items.FirstOrDefault(i => i.ProductId == product.Id);
        var newQuantity = (line?.Quantity ?? 0) + body.Quantity!.Value;
        if (newQuantity > MaxQuantityPerLine)
        {
            throw ProblemException.Unprocessable("quantity", $"At most {MaxQuantityPerLine} of one item per order; the cart already has {line?.Quantity ?? 0}.");
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

        return await SaveAndViewAsync(cart, ct);
    }

    /// <param name="body">Passed <see cref="Check(SetCartItemQuantityRequest)"/>.</param>
    public async Task<CartView> SetQuantityAsync(string cartId, string sku, SetCartItemQuantityRequest body, CancellationToken ct)
    {
        var cart = await carts.OpenForChangeAsync(cartId, ct);
        var line = FindLine(cart, sku);
        var quantity = body.Quantity!.Value;
        EnsureStockFor(line.Product!, quantity);
        line.Quantity = quantity;
        return await SaveAndViewAsync(cart, ct);
    }

    public async Task<CartView> RemoveItemAsync(string cartId, string sku, CancellationToken ct)
    {
        var cart = await carts.OpenForChangeAsync(cartId, ct);
        cart.Items.Remove(FindLine(cart, sku));
        return await SaveAndViewAsync(cart, ct);
    }

    /// <summary>Applies a code only if it gives the cart as it is now a discount; checkout checks it again under lock.</summary>
    /// <param name="code">Present and at most <see cref="Coupon.MaxCodeLength"/> characters.</param>
    public async Task<CartView> ApplyCouponAsync(string cartId, string code, CancellationToken ct)
    {
        var normalised = NormaliseOrRefuse(code);
        var cart = await carts.OpenForChangeAsync(cartId, ct);
        var record = await db.Coupons.AsNoTracking().FirstOrDefaultAsync(c => c.Code == normalised, ct)
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

        cart.CouponCode = normalised;
        return await SaveAndViewAsync(cart, ct);
    }

    public async Task<CartView> RemoveCouponAsync(string cartId, CancellationToken ct)
    {
        var cart = await carts.OpenForChangeAsync(cartId, ct);
        cart.CouponCode = null;
        return await SaveAndViewAsync(cart, ct);
    }

    private RequestValidator CheckQuantity(RequestValidator v, int? quantity) =>
        quantity is { } q ? v.Range("quantity", q, 1, MaxQuantityPerLine) : v.Add("quantity", "Required.");

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

    private async Task<CartView> SaveAndViewAsync(Cart cart, CancellationToken ct)
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
