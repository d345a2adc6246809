namespace CultureHealth.Shop.Domain;

public sealed record WebhookVerificationResult
{
    private WebhookVerificationResult(WebhookSignatureFailure? failure, string message, DateTimeOffset? signedAt)
    {
        Failure = failure;
        Message = message;
        SignedAt = signedAt;
    }

    public WebhookSignatureFailure? Failure { get; }

    public string Message { get; }

    /// <summary>The timestamp from the header, when it could be read.</summary>
    public DateTimeOffset? SignedAt { get; }

    public bool IsValid => Failure is null;

    public static WebhookVerificationResult Valid(DateTimeOffset signedAt) => new(null, "Signature verified.", signedAt);

    public static WebhookVerificationResult Invalid(WebhookSignatureFailure failure, string message, DateTimeOffset? signedAt = null) =>
        new(failure, message, signedAt);
}
