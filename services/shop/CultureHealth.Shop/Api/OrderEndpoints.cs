using System.Security.Claims;
using CultureHealth.Messaging.Idempotency;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Application.Orders;
using CultureHealth.Shop.Application.Payments;
using CultureHealth.Shop.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Shop.Api;

public static class OrderEndpoints
{
    /// <summary>Where a payment's Idempotency-Key counts: one order (and the caller, when signed in).</summary>
    public static string PaymentOperation(Guid orderId) => $"shop.order-payment:{orderId:N}";

    public static IEndpointRouteBuilder MapOrderApi(this IEndpointRouteBuilder app)
    {
        var orders = app.MapGroup("/api/shop/orders").WithTags("Orders").WithNoStore();
        orders.MapGet("/{orderId:guid}", Get);
        orders.MapPost("/{orderId:guid}/payments", Pay);
        return app;
    }

    /// <summary>Only with the order's token; a wrong token looks exactly like a missing order.</summary>
    private static async Task<Results<Ok<OrderView>, NotFound>> Get(Guid orderId, string? token, OrderQueries orders, CancellationToken ct) =>
        await orders.WithTokenAsync(orderId, token, ct) is { } order ? TypedResults.Ok(order) : TypedResults.NotFound();

    private static async Task<Results<Created<PaymentView>, Accepted<PaymentView>, ProblemHttpResult, ValidationProblem>> Pay(
        Guid orderId,
        PayOrderRequest body,
        [FromHeader(Name = IdempotencyKey.HeaderName)] string? idempotencyKey,
        ClaimsPrincipal user,
        PaymentService payments,
        CancellationToken ct)
    {
        var v = new RequestValidator()
            .IdempotencyKeyHeader(idempotencyKey, out var key)
            .Required("paymentToken", body.PaymentToken, 200)
            .Required("orderToken", body.OrderToken, 200);
        if (v.Failed)
        {
            return v.Problem();
        }

        var payment = await payments.PayAsync(
            orderId, body, IdempotentRequest.Of(key!, IdempotencyScope.For(PaymentOperation(orderId), user), body), ct);
        var location = $"/api/shop/orders/{orderId}";
        return payment.Status switch
        {
            PaymentStatus.Succeeded => TypedResults.Created(location, payment),
            PaymentStatus.Pending => TypedResults.Accepted(location, payment),
            _ => TypedResults.Problem(
                statusCode: StatusCodes.Status402PaymentRequired,
                title: "Payment failed",
                detail: $"The payment was not taken ({payment.FailureReason}); try again with another card and a new Idempotency-Key.",
                type: "https://culturehealth.co.uk/problems/payment-failed",
                extensions: new Dictionary<string, object?>
                {
                    ["paymentId"] = payment.PaymentId,
                    ["failureReason"] = payment.FailureReason,
                    ["orderStatus"] = payment.OrderStatus,
                }),
        };
    }
}
