using System.Security.Claims;

namespace CultureHealth.Messaging.Idempotency;

/// <summary>
/// Where a key counts: one operation (a route, with the resource it acts on where it has one, e.g.
/// <c>shop.order-payment:{orderId}</c>) for one caller. The same key sent to another operation, or by
/// another signed-in caller, is another key. Anonymous callers share a scope; their key is their secret.
/// </summary>
public sealed record IdempotencyScope(string Operation, string? Caller)
{
    public const int MaxOperationLength = 100;

    /// <summary>The operation for whoever <paramref name="user"/> is: its issuer and subject when signed in.</summary>
    public static IdempotencyScope For(string operation, ClaimsPrincipal? user)
    {
        ArgumentException.ThrowIfNullOrEmpty(operation);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(operation.Length, MaxOperationLength);
        return new IdempotencyScope(operation, CallerOf(user));
    }

    private static string? CallerOf(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var subject = user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value
            ?? user.FindFirst("email")?.Value ?? user.Identity.Name;
        if (subject is null)
        {
            return null;
        }

        // Staff and patients come from different issuers; one subject id must not stand for both.
        var issuer = user.FindFirst("iss")?.Value ?? user.Identity.AuthenticationType ?? "";
        return issuer + "|" + subject;
    }
}
