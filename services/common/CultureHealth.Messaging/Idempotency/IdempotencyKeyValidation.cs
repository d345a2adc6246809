using CultureHealth.ServiceDefaults.Problems;

namespace CultureHealth.Messaging.Idempotency;

public static class IdempotencyKeyValidation
{
    /// <summary>Reads the Idempotency-Key header's value by the one rule; a missing or malformed key is a 400 naming the header.</summary>
    public static RequestValidator IdempotencyKeyHeader(this RequestValidator validator, string? headerValue, out IdempotencyKey? key)
    {
        ArgumentNullException.ThrowIfNull(validator);
        return IdempotencyKey.TryParse(headerValue, out key) ? validator : validator.Add(IdempotencyKey.HeaderName, IdempotencyKey.Rule);
    }
}
