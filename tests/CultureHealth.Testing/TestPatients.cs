using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using CultureHealth.ServiceDefaults.Patients;
using Microsoft.IdentityModel.Tokens;

namespace CultureHealth.Testing;

/// <summary>
/// A patient-token signing key made for this test process: the patients service signs with it, every other service
/// trusts its public half (as a JWKS in configuration), and tests mint tokens with it for any address.
/// </summary>
public static class TestPatients
{
    public static readonly string SigningKeyId = "test-patients-" + Guid.NewGuid().ToString("N")[..6];

    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static string PrivateKey { get; } = Convert.ToBase64String(Key.ExportPkcs8PrivateKey());

    /// <summary>The public key as a JSON Web Key Set, as the patients service publishes it.</summary>
    public static string Jwks { get; } = BuildJwks();

    public static IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["PatientAuth:SigningKey:Id"] = SigningKeyId,
        ["PatientAuth:SigningKey:PrivateKey"] = PrivateKey,
        ["PatientAuth:Jwks"] = Jwks,
    };

    /// <summary>A token as the patients service issues it after a proof of <paramref name="email"/>.</summary>
    public static string TokenFor(string email, TimeSpan? lifetime = null, string issuer = PatientTokens.Issuer, bool emailVerified = true, ECDsa? signedWith = null)
    {
        var now = DateTime.UtcNow;
        var claims = new[]
        {
            new Claim(PatientClaims.Subject, Guid.NewGuid().ToString()),
            new Claim(PatientClaims.Email, email.Trim().ToLowerInvariant()),
            new Claim(PatientClaims.EmailVerified, emailVerified ? "true" : "false", ClaimValueTypes.Boolean),
        };
        var credentials = new SigningCredentials(new ECDsaSecurityKey(signedWith ?? Key) { KeyId = SigningKeyId }, SecurityAlgorithms.EcdsaSha256);
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(60));
        var token = new JwtSecurityToken(issuer, PatientTokens.Audience, claims, expires > now ? now : expires.AddMinutes(-1), expires, credentials);
        return new JwtSecurityTokenHandler().WriteToken(token);
    }

    private static string BuildJwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(Key.ExportParameters(false))) { KeyId = SigningKeyId });
        return System.Text.Json.JsonSerializer.Serialize(new
        {
            keys = new[] { new { kty = jwk.Kty, crv = jwk.Crv, x = jwk.X, y = jwk.Y, kid = jwk.Kid, use = "sig", alg = "ES256" } },
        });
    }
}
