using CultureHealth.Shop.Checkout;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Shop.Api;

public static class CheckoutEndpoints
{
    public static IEndpointRouteBuilder MapCheckoutApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/shop/checkout", Checkout).WithTags("Checkout");
        return app;
    }

    private static async Task<Results<Created<CheckoutResult>, ValidationProblem>> Checkout(
        CheckoutRequest body,
        [FromHeader(Name = ShopProblems.IdempotencyKeyHeader)] string? idempotencyKey,
        CheckoutService checkout,
        CancellationToken ct)
    {
        var v = CheckoutValidation.Validate(body, idempotencyKey);
        if (v.Failed)
        {
            return v.Problem();
        }

        var result = await checkout.PlaceAsync(body, idempotencyKey!.Trim(), ct);
        return TypedResults.Created($"/api/shop/orders/{result.OrderId}", result);
    }
}
