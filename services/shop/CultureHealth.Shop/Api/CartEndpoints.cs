using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Application.Carts;
using CultureHealth.Shop.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

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

    private static async Task<Created<CartView>> Create(CartChanges changes, CancellationToken ct)
    {
        var (token, cart) = await changes.CreateAsync(ct);
        return TypedResults.Created($"/api/shop/carts/{token}", cart);
    }

    private static async Task<Ok<CartView>> Get(string cartId, CartChanges changes, CancellationToken ct) =>
        TypedResults.Ok(await changes.ViewAsync(cartId, ct));

    private static async Task<Results<Ok<CartView>, ValidationProblem>> AddItem(
        string cartId, AddCartItemRequest body, CartChanges changes, CancellationToken ct)
    {
        var v = changes.Check(body);
        return v.Failed ? v.Problem() : TypedResults.Ok(await changes.AddItemAsync(cartId, body, ct));
    }

    private static async Task<Results<Ok<CartView>, ValidationProblem>> SetQuantity(
        string cartId, string sku, SetCartItemQuantityRequest body, CartChanges changes, CancellationToken ct)
    {
        var v = changes.Check(body);
        return v.Failed ? v.Problem() : TypedResults.Ok(await changes.SetQuantityAsync(cartId, sku, body, ct));
    }

    private static async Task<Ok<CartView>> RemoveItem(string cartId, string sku, CartChanges changes, CancellationToken ct) =>
        TypedResults.Ok(await changes.RemoveItemAsync(cartId, sku, ct));

    private static async Task<Results<Ok<CartView>, ValidationProblem>> ApplyCoupon(
        string cartId, ApplyCouponRequest body, CartChanges changes, CancellationToken ct)
    {
        var v = new RequestValidator().Required("code", body.Code, Coupon.MaxCodeLength);
        return v.Failed ? v.Problem() : TypedResults.Ok(await changes.ApplyCouponAsync(cartId, body.Code!, ct));
    }

    private static async Task<Ok<CartView>> RemoveCoupon(string cartId, CartChanges changes, CancellationToken ct) =>
        TypedResults.Ok(await changes.RemoveCouponAsync(cartId, ct));
}
