using CultureHealth.Messaging.Idempotency;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Application.Checkout;
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

    /// <summary>What a checkout needs besides its body: the key, the caller and the services that place the order.</summary>
    internal sealed record CheckoutCall(
        [FromHeader(Name = IdempotencyKey.HeaderName)] string? IdempotencyKey,
        HttpContext Http,
        CheckoutService Checkout,
        ShopMetrics Metrics);

    private static async Task<Results<Created<CheckoutResult>, ValidationProblem>> Checkout(
        CheckoutRequest body, [AsParameters] CheckoutCall call, CancellationToken ct)
    {
        var v = CheckoutValidation.Validate(body).IdempotencyKeyHeader(call.IdempotencyKey, out var key);
        if (v.Failed)
        {
            call.Metrics.CheckoutFailed("invalid_request");
            return v.Problem();
        }

        try
        {
            var client = call.Http.Connection.RemoteIpAddress?.ToString();
            var idempotent = IdempotentRequest.Of(key!, IdempotencyScope.For(CheckoutOperation, call.Http.User), body);
            var result = await call.Checkout.PlaceAsync(body, idempotent, client, ct);
            return TypedResults.Created($"/api/shop/orders/{result.OrderId}", result);
        }
        catch (ProblemException problem)
        {
            // Counted here, where every refusal of a checkout passes, then answered by the problem handler as usual.
            call.Metrics.CheckoutFailed(ShopMetrics.ReasonOf(problem));
            throw;
        }
    }
}
