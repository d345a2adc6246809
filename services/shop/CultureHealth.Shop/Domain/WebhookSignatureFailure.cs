namespace CultureHealth.Shop.Domain;

public enum WebhookSignatureFailure
{
    /// <summary>No signature header at all.</summary>
    Missing,

    /// <summary>The header is not "t=&lt;unix seconds&gt;,v1=&lt;64 hex&gt;[,v1=...]".</summary>
    Malformed,

    /// <summary>Authentic, but signed outside the tolerance: a replay or a badly skewed clock.</summary>
    Expired,

    /// <summary>No v1 signature matches the body with our secret: forged, tampered, or the wrong secret.</summary>
    Mismatch,
}
