using System.Text.Json;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Shop.Application.Payments;

/// <summary>The provider tells us how charges ended; only deliveries signed with our shared secret are believed.</summary>
internal sealed partial class PaymentWebhooks(
    ShopDbContext db,
    PaymentService payments,
    IPaymentProvider provider,
    IOptions<ShopOptions> options,
    IOptions<JsonOptions> json,
    TimeProvider clock,
    ILogger<PaymentWebhooks> logger)
{
    public const string SignatureHeader = "Payment-Signature";

    /// <summary>Checks the signature over the exact bytes sent, then reads the event.</summary>
    /// <exception cref="ProblemException">401 for a bad signature, 400 for a body that is not JSON.</exception>
    public PaymentWebhookEvent? Read(byte[] body, string? signature)
    {
        var verification = PaymentWebhookSignature.Verify(
            options.Value.WebhookSecret, signature, body, clock.GetUtcNow(), options.Value.WebhookTolerance);
        if (!verification.IsValid)
        {
            LogRejected(logger, verification.Failure!.Value);
            throw new ProblemException(StatusCodes.Status401Unauthorized, "Webhook signature rejected", verification.Message, SignatureHeader);
        }

        try
        {
            return JsonSerializer.Deserialize<PaymentWebhookEvent>(body, json.Value.SerializerOptions);
        }
        catch (JsonException e)
        {
            throw ProblemException.Invalid(string.IsNullOrEmpty(e.Path) ? "body" : e.Path.TrimStart('$', '.'), "The event is not valid JSON.");
        }
    }

    public static RequestValidator Check(PaymentWebhookEvent? evt)
    {
        var v = new RequestValidator()
            .Required("type", evt?.Type, 60)
            .Required("data.chargeId", evt?.Data?.ChargeId, 100);
        return evt?.Data?.AmountPence is null ? v.Add("data.amountPence", "Required.") : v;
    }

    /// <summary>Applies a charge's outcome to its payment and order; other event types are acknowledged and ignored, as providers expect.</summary>
    /// <param name="evt">Passed <see cref="Check"/>.</param>
    public async Task ApplyAsync(PaymentWebhookEvent evt, CancellationToken ct)
    {
        var data = evt.Data!;
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
            _ => (ChargeOutcome?)null,
        };
        if (outcome is { } known)
        {
            await payments.ApplyOutcomeAsync(
                payment.Id, new ChargeResult(known, data.ChargeId, data.AmountPence!.Value, data.FailureReason), "system:payment-webhook", ct);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Payment webhook rejected: {Failure}")]
    private static partial void LogRejected(ILogger logger, WebhookSignatureFailure failure);
}
