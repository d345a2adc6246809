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
    public int FailedSignIns { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastSignInAt { get; set; }
}

public sealed class RefreshToken
{
    public Guid Id { get; init; }
    public Guid StaffId { get; init; }
    /// <summary>SHA-256 of the token; the token itself is only ever in the client's hands.</summary>
    public string TokenHash { get; init; } = "";
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
    public Guid? ReplacedBy { get; set; }
}

public sealed class AuditEntry
{
    public long Id { get; init; }
    public DateTimeOffset At { get; init; }
    public Guid? StaffId { get; init; }
    public string StaffEmail { get; init; } = "";
    /// <summary>What was done, e.g. "POST /shop/products" or "staff.create".</summary>
    public string Action { get; init; } = "";
    public string Target { get; init; } = "";
    public int Status { get; init; }
    /// <summary>The request body (the "after"), capped; secrets are never recorded.</summary>
    public string? Details { get; init; }
}
