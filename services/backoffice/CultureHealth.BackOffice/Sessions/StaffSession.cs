namespace CultureHealth.BackOffice.Sessions;

/// <summary>
/// One signed-in browser. The browser holds only the session id (a random secret in an HttpOnly cookie);
/// this row, shared by every replica, holds the rest. The id is stored as its SHA-256, and the staff tokens
/// sealed with the back office's session key, so a copy of the table signs nobody in.
/// </summary>
public sealed class StaffSession
{
    /// <summary>SHA-256 (hex) of the cookie's session id.</summary>
    public string IdHash { get; init; } = "";
    public Guid StaffId { get; init; }
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Roles { get; set; } = [];
    public Guid? PractitionerId { get; set; }

    public byte[] SealedAccessToken { get; set; } = [];
    public DateTimeOffset AccessExpiresAt { get; set; }
    public byte[] SealedRefreshToken { get; set; } = [];
    public DateTimeOffset RefreshExpiresAt { get; set; }

    /// <summary>The synchroniser token every form of this session must echo (antiforgery).</summary>
    public string AntiforgeryToken { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset AbsoluteExpiresAt { get; init; }
}
