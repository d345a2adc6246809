using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Application.Payments;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Shop.Api;

public static class PaymentWebhookEndpoints
{
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapPaymentWebhookApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/shop/payments/webhook", Receive).WithTags("Payments");
        return app;
    }

    private static async Task<Results<NoContent, ValidationProblem>> Receive(HttpRequest request, PaymentWebhooks webhooks, CancellationToken ct)
    {
        // The signature covers the exact bytes sent, so read them raw before any JSON parsing.
        var evt = webhooks.Read(await ReadBodyAsync(request, ct), request.Headers[PaymentWebhooks.SignatureHeader]);
        var v = PaymentWebhooks.Check(evt);
        if (v.Failed)
        {
            return v.Problem();
        }

        await webhooks.ApplyAsync(evt!, ct);
        return TypedResults.NoContent();
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            throw new ProblemException(StatusCodes.Status413PayloadTooLarge, "Too large", "A webhook body is at most 64 KiB.");
        }

        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.Length <= MaxBodyBytes
            ? buffer.ToArray()
            : throw new ProblemException(StatusCodes.Status413PayloadTooLarge, "Too large", "A webhook body is at most 64 KiB.");
    }
}
