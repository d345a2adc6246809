using System.Security.Claims;
using CultureHealth.Messaging.Idempotency;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Checkout;
using CultureHealth.Shop.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Shop.Api;

public static class CheckoutEndpoints
{
    /// <summary>Where a checkout's Idempotency-Key counts (with the caller, when signed in).</summary>
    public const string CheckoutOperation = "shop.checkout";

    public static IEndpointRouteBuilder MapCheckoutApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/shop/checkout", Checkout).WithTags("Checkout").WithNoStore(); // answers with the order token
        return app;
    }

    private static async Task<Results<Created<CheckoutResult>, ValidationProblem>> Checkout(
        CheckoutRequest body,
        [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey,
        ClaimsPrincipal user,
        HttpContext http,
        CheckoutService checkout,
        ShopMetrics metrics,
        CancellationToken ct)
    {
        var v = CheckoutValidation.Validate(body).IdempotencyKeyHeader(idempotencyKey, out var key);
        if (v.Failed)
        {
            metrics.CheckoutFailed("invalid_request");
            return v.Problem();
        }

        try
        {
            var client = http.Connection.RemoteIpAddress?.ToString();
            var result = await checkout.PlaceAsync(body, IdempotentRequest.Of(key!, IdempotencyScope.For(CheckoutOperation, user), body), client, ct);
            return TypedResults.Created($"/api/shop/orders/{result.OrderId}", result);
        }
        catch (ProblemException problem)
        {
            // Counted here, where every refusal of a checkout passes, then answered by the problem handler as usual.
            metrics.CheckoutFailed(ShopMetrics.ReasonOf(problem));
            throw;
        }
    }
}
