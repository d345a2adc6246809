using System.Security.Cryptography;

namespace CultureHealth.Admin.Domain;

public sealed class StaffUser
{
    public Guid Id { get; init; }
    /// <summary>Stored lower-case; sign-in matches case-insensitively.</summary>
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    /// <summary>Links a practitioner account to its diary in booking.</summary>
    public Guid? PractitionerId { get; set; }
    public bool Disabled { get; set; }
    /// <summary>
    /// Changes whenever the account's access must end at once (sign-out, disable, role or password change):
    /// access tokens carry the stamp they were issued with, and admin refuses a token whose stamp is old.
    /// </summary>
    public string SecurityStamp { get; set; } = NewSecurityStamp();
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastSignInAt { get; set; }

    public static string NewSecurityStamp() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

public sealed class RefreshToken
{
    public Guid Id { get; init; }
    public Guid StaffId { get; init; }
    /// <summary>SHA-256 of the token; the token itself is only ever in the client's hands.</summary>
    public string TokenHash { get; init; } = "";
    /// <summary>Every token rotated from one sign-in shares the family of the first; reuse ends the family.</summary>
    public Guid FamilyId { get; init; }
    /// <summary>When the sign-in that began this family happened: refresh stops after the absolute session lifetime.</summary>
    public DateTimeOffset SessionStartedAt { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
    public Guid? ReplacedBy { get; set; }
}

/// <summary>Failed sign-ins counted for one key ("account:…" or "ip:…"), incremented atomically in SQL.</summary>
public sealed class SignInThrottle
{
    public string Key { get; init; } = "";
    public int Failures { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }
    public DateTimeOffset? BlockedUntil { get; set; }
}

public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public Guid? StaffId { get; init; }
    public string StaffEmail { get; init; } = "";
    /// <summary>What was done, e.g. "POST /shop/products", "staff.create", "read GET /booking/bookings".</summary>
    public string Action { get; init; } = "";
    public string Target { get; init; } = "";
    public int Status { get; init; }
    /// <summary>The request body (the "after"), capped; secrets are never recorded.</summary>
    public string? Details { get; init; }
    /// <summary>Where the request came from (the client's address as the gateway saw it).</summary>
    public string? ClientAddress { get; init; }
}
