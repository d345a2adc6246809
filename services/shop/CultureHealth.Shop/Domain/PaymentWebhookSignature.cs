using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CultureHealth.Shop.Domain;

/// <summary>
/// Stripe-style webhook signatures: header <c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c> where the
/// HMAC, keyed with the UTF-8 bytes of the endpoint secret, covers "&lt;t&gt;.&lt;raw body&gt;". Signing the timestamp
/// with the body is what lets an old, replayed delivery be refused. Several v1 entries may appear while a
/// secret is being rotated; any one matching is enough.
/// </summary>
public static class PaymentWebhookSignature
{
    public const string TimestampKey = "t";
    public const string SignatureKey = "v1";
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    private const int SignatureBytes = 32;

    /// <summary>The header value for <paramref name="body"/> signed at <paramref name="timestamp"/> (whole seconds).</summary>
    public static string Sign(string secret, DateTimeOffset timestamp, ReadOnlySpan<byte> body)
    {
        var unixSeconds = timestamp.ToUnixTimeSeconds();
        var signature = Convert.ToHexStringLower(ComputeSignature(secret, unixSeconds, body));
        return string.Create(CultureInfo.InvariantCulture, $"{TimestampKey}={unixSeconds},{SignatureKey}={signature}");
    }

    public static string Sign(string secret, DateTimeOffset timestamp, string body) =>
        Sign(secret, timestamp, Encoding.UTF8.GetBytes(body));

    /// <summary>
    /// Checks a delivery. Verify against the raw request bytes: re-serialised JSON will not match.
    /// The signature is checked before the age so that <see cref="WebhookSignatureFailure.Expired"/> is only
    /// ever reported for a genuine delivery. Timestamps too far in the future are refused as well.
    /// </summary>
    public static WebhookVerificationResult Verify(
        string secret, string? header, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan? tolerance = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var allowedSkew = tolerance ?? DefaultTolerance;
        ArgumentOutOfRangeException.ThrowIfLessThan(allowedSkew, TimeSpan.Zero, nameof(tolerance));

        if (string.IsNullOrWhiteSpace(header))
        {
            return WebhookVerificationResult.Invalid(WebhookSignatureFailure.Missing, "The signature header is missing.");
        }

        if (!TryParseHeader(header, out var unixSeconds, out var signatures))
        {
            return WebhookVerificationResult.Invalid(
                WebhookSignatureFailure.Malformed, "The signature header must look like t=<unix seconds>,v1=<hex HMAC>.");
        }

        var signedAt = DateTimeOffset.FromUnixTimeSeconds(unixSeconds);
        var expected = ComputeSignature(secret, unixSeconds, body);
        var anyMatch = false;
        foreach (var candidate in signatures)
        {
            // No early exit: every candidate is compared, in constant time.
            anyMatch |= CryptographicOperations.FixedTimeEquals(expected, candidate);
        }

        if (!anyMatch)
        {
            return WebhookVerificationResult.Invalid(
                WebhookSignatureFailure.Mismatch, "The signature does not match the body.", signedAt);
        }

        if ((now - signedAt).Duration() > allowedSkew)
        {
            return WebhookVerificationResult.Invalid(
                WebhookSignatureFailure.Expired,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The delivery was signed at {signedAt:O}, more than {allowedSkew.TotalSeconds:0} seconds from now."),
                signedAt);
        }

        return WebhookVerificationResult.Valid(signedAt);
    }

    public static WebhookVerificationResult Verify(
        string secret, string? header, string body, DateTimeOffset now, TimeSpan? tolerance = null) =>
        Verify(secret, header, Encoding.UTF8.GetBytes(body), now, tolerance);

    private static byte[] ComputeSignature(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var prefix = Encoding.UTF8.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var signedPayload = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signedPayload, 0);
        body.CopyTo(signedPayload.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signedPayload);
    }

    private static bool TryParseHeader(string header, out long unixSeconds, out List<byte[]> signatures)
    {
        unixSeconds = 0;
        signatures = [];
        var timestampSeen = false;
        foreach (var part in header.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
            {
                return false;
            }

            var key = part[..separator];
            var value = part[(separator + 1)..];
            if (key == TimestampKey)
            {
                if (timestampSeen || !TryParseUnixSeconds(value, out unixSeconds))
                {
                    return false;
                }

                timestampSeen = true;
            }
            else if (key == SignatureKey)
            {
                if (value.Length != SignatureBytes * 2 || !value.All(char.IsAsciiHexDigit))
                {
                    return false;
                }

                signatures.Add(Convert.FromHexString(value));
            }

            // Other schemes (e.g. Stripe's test-mode v0) are ignored, as Stripe's own libraries do.
        }

        return timestampSeen && signatures.Count > 0;
    }

    private static bool TryParseUnixSeconds(string value, out long unixSeconds) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out unixSeconds)
        && unixSeconds >= 0
        && unixSeconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds();
}
