using System.Text.Json;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using CultureHealth.Shop.Payments;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Shop.Api;

/// <summary>The provider tells us how charges ended; only deliveries signed with our shared secret are believed.</summary>
public static partial class PaymentWebhookEndpoints
{
    public const string SignatureHeader = "Payment-Signature";
    private const int MaxBodyBytes = 64 * 1024;

    public static IEndpointRouteBuilder MapPaymentWebhookApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/shop/payments/webhook", Receive).WithTags("Payments");
        return app;
    }

    private static async Task<Results<NoContent, ValidationProblem>> Receive(
        HttpRequest request,
        ShopDbContext db,
        PaymentService payments,
        IPaymentProvider provider,
        IOptions<ShopOptions> options,
        IOptions<JsonOptions> json,
        TimeProvider clock,
        ILogger<PaymentService> logger,
        CancellationToken ct)
    {
        // The signature covers the exact bytes sent, so read them raw before any JSON parsing.
        var body = await ReadBodyAsync(request, ct);
        var verification = PaymentWebhookSignature.Verify(
            options.Value.WebhookSecret, request.Headers[SignatureHeader], body, clock.GetUtcNow(), options.Value.WebhookTolerance);
        if (!verification.IsValid)
        {
            LogRejected(logger, verification.Failure!.Value);
            throw new ProblemException(StatusCodes.Status401Unauthorized, "Webhook signature rejected", verification.Message, SignatureHeader);
        }

        PaymentWebhookEvent? evt;
        try
        {
            evt = JsonSerializer.Deserialize<PaymentWebhookEvent>(body, json.Value.SerializerOptions);
        }
        catch (JsonException e)
        {
            throw ProblemException.Invalid(string.IsNullOrEmpty(e.Path) ? "body" : e.Path.TrimStart('$', '.'), "The event is not valid JSON.");
        }

        var v = new RequestValidator()
            .Required("type", evt?.Type, 60)
            .Required("data.chargeId", evt?.Data?.ChargeId, 100);
        if (evt?.Data?.AmountPence is null)
        {
            v.Add("data.amountPence", "Required.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var data = evt!.Data!;
        var payment = await db.Payments.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Provider == provider.Name && p.ProviderChargeId == data.ChargeId, ct)
            ?? throw new ProblemException(StatusCodes.Status404NotFound, "Unknown charge", $"No payment has charge {data.ChargeId}.", "data.chargeId");
        if (data.AmountPence != payment.AmountPence)
        {
            throw ProblemException.Unprocessable("data.amountPence", $"The charge was for {payment.AmountPence}p, not {data.AmountPence}p.");
        }

        var outcome = evt.Type switch
        {
            PaymentWebhookEvent.ChargeSucceeded => ChargeOutcome.Succeeded,
            PaymentWebhookEvent.ChargeFailed => ChargeOutcome.Declined,
            // Other event types are acknowledged and ignored, as providers expect.
            _ => (ChargeOutcome?)null,
        };
        if (outcome is { } known)
        {
            await payments.ApplyOutcomeAsync(
                payment.Id, new ChargeResult(known, data.ChargeId, data.AmountPence!.Value, data.FailureReason), "system:payment-webhook", ct);
        }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment webhook rejected: {Failure}")]
    private static partial void LogRejected(ILogger logger, WebhookSignatureFailure failure);
}
