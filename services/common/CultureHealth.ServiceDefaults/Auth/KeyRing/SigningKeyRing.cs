using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CultureHealth.ServiceDefaults.Auth;

public sealed record SignedToken(string Token, DateTimeOffset ExpiresAt);

/// <summary>
/// The issuer's private keys: signs tokens (ES256) with the active key, its id in the header, and tells the
/// public halves of every listed key (the JWKS), so a retiring key keeps verifying until its tokens expire.
/// Only the issuing service registers one (<see cref="JwtKeyRingExtensions.AddSigningKeyRing"/>).
/// </summary>
public sealed class SigningKeyRing
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SigningCredentials _active;
    private readonly TimeProvider _clock;

    public SigningKeyRing(JwtKeyOptions options, TimeProvider clock)
    {
        _clock = clock;
        Issuer = options.Issuer;
        Audience = options.Audience;
        AccessTokenLifetime = options.AccessTokenLifetime;
        var keys = options.SigningKeys.Select(EcdsaKeys.LoadPrivate).ToList();
        var active = options.ActiveKeyId is null ? keys[0] : keys.Single(k => k.KeyId == options.ActiveKeyId);
        _active = new SigningCredentials(active, EcdsaKeys.Algorithm);
        PublicKeys = keys.Select(EcdsaKeys.PublicHalf).ToList();
        Jwks = new JwksDocument(PublicKeys.Select(EcdsaKeys.ToJwk).ToList());
    }

    public string Issuer { get; }
    public string Audience { get; }
    public TimeSpan AccessTokenLifetime { get; }
    public string ActiveKeyId => _active.Key.KeyId;

    /// <summary>The public halves of every signing key (for this service's own token validation).</summary>
    public IReadOnlyList<ECDsaSecurityKey> PublicKeys { get; }

    /// <summary>What <c>/.well-known/jwks.json</c> serves.</summary>
    public JwksDocument Jwks { get; }

    /// <summary>A token for these claims (roles and other repeated claims become JSON arrays), valid from now.</summary>
    public SignedToken Sign(IEnumerable<Claim> claims, TimeSpan? lifetime = null)
    {
        var now = _clock.GetUtcNow();
        var expires = now + (lifetime ?? AccessTokenLifetime);
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = _active,
        });
        return new SignedToken(token, expires);
    }
}
