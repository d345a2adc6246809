using System.Security.Claims;
using System.Security.Cryptography;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Patients;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CultureHealth.Testing;

/// <summary>
/// A patient-token signing key made for this test process: the patients service signs with it (<see cref="IssuerSettings"/>),
/// every service trusts its public half (<see cref="Settings"/>), and tests mint tokens with it for any address.
/// </summary>
public static class TestPatients
{
    public static readonly string SigningKeyId = "test-patients-" + Guid.NewGuid().ToString("N")[..6];

    private static readonly (string Private, string Public) Pem = EcdsaKeys.CreatePemPair();

    private static readonly ECDsa Key = Load(Pem.Private);

    /// <summary>For every service: the public key, as a verifier is given it.</summary>
    public static IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["PatientAuth:PublicKeys:0:Id"] = SigningKeyId,
        ["PatientAuth:PublicKeys:0:PublicKeyPem"] = Pem.Public,
    };

    /// <summary>For the patients service alone: the private key it signs with.</summary>
    public static IReadOnlyDictionary<string, string?> IssuerSettings => new Dictionary<string, string?>
    {
        ["PatientAuth:SigningKeys:0:Id"] = SigningKeyId,
        ["PatientAuth:SigningKeys:0:PrivateKeyPem"] = Pem.Private,
    };

    /// <summary>A token as the patients service issues it after a proof of <paramref name="email"/> (or a broken one, to be refused).</summary>
    public static string TokenFor(string email, TimeSpan? lifetime = null, string issuer = PatientTokens.Issuer, bool emailVerified = true, ECDsa? signedWith = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(60));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = PatientTokens.Audience,
            Subject = new ClaimsIdentity(
            [
                new Claim(PatientClaims.Subject, Guid.NewGuid().ToString()),
                new Claim(PatientClaims.Email, email.Trim().ToLowerInvariant()),
                new Claim(PatientClaims.EmailVerified, emailVerified ? "true" : "false", ClaimValueTypes.Boolean),
            ]),
            IssuedAt = expires > now ? now : expires.AddMinutes(-1),
            NotBefore = expires > now ? now : expires.AddMinutes(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(signedWith ?? Key) { KeyId = SigningKeyId }, SecurityAlgorithms.EcdsaSha256),
        });
    }

    private static ECDsa Load(string pem)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        return ecdsa;
    }
}
