using System.IdentityModel.Tokens.Jwt;
using System.Security.Claims;
using System.Security.Cryptography;
using CultureHealth.ServiceDefaults.Patients;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CultureHealth.Patients.Application;

public sealed record IssuedPatientToken(string AccessToken, DateTimeOffset ExpiresAt);

/// <summary>
/// INTERIM signing key until the shared asymmetric key ring (sec-auth) lands: one ES256 key from
/// configuration ("PatientAuth:SigningKey": Id and PrivateKey, base64 of a PKCS#8 P-256 key).
/// </summary>
public sealed class PatientSigningKeyOptions
{
    public const string Section = "PatientAuth:SigningKey";

    public string Id { get; set; } = "";
    public string PrivateKey { get; set; } = "";
}

public sealed class PatientSigningKey
{
    public PatientSigningKey(IOptions<PatientSigningKeyOptions> options)
    {
        var o = options.Value;
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(o.PrivateKey), out _);
        Key = new ECDsaSecurityKey(ecdsa) { KeyId = o.Id };
        var publicKey = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(ECDsa.Create(ecdsa.ExportParameters(false))) { KeyId = o.Id });
        publicKey.Use = "sig";
        publicKey.Alg = SecurityAlgorithms.EcdsaSha256;
        PublicKeys = new JsonWebKeySet();
        PublicKeys.Keys.Add(publicKey);
    }

    public ECDsaSecurityKey Key { get; }
    public JsonWebKeySet PublicKeys { get; }
}

/// <summary>Signs patient access tokens: ES256, issuer culturehealth-patients, the proven address as a claim.</summary>
public sealed class PatientTokenIssuer(PatientSigningKey key, IOptions<PatientsOptions> options, TimeProvider clock)
{
    private readonly JwtSecurityTokenHandler _handler = new() { MapInboundClaims = false };

    public IssuedPatientToken Issue(Guid patientId, string normalizedEmail)
    {
        var now = clock.GetUtcNow();
        var expires = now + options.Value.AccessTokenLifetime;
        var claims = new[]
        {
            new Claim(PatientClaims.Subject, patientId.ToString()),
            new Claim(PatientClaims.Email, normalizedEmail),
            new Claim(PatientClaims.EmailVerified, "true", ClaimValueTypes.Boolean),
            new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        var credentials = new SigningCredentials(key.Key, SecurityAlgorithms.EcdsaSha256);
        var token = new JwtSecurityToken(PatientTokens.Issuer, PatientTokens.Audience, claims, now.UtcDateTime, expires.UtcDateTime, credentials);
        return new IssuedPatientToken(_handler.WriteToken(token), expires);
    }
}

public static class PatientTokenSigningExtensions
{
    public static IHostApplicationBuilder AddPatientTokenSigning(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PatientSigningKeyOptions>().Bind(builder.Configuration.GetSection(PatientSigningKeyOptions.Section))
            .Validate(o => o.Id.Length > 0 && o.PrivateKey.Length > 0, "PatientAuth:SigningKey needs Id and PrivateKey.").ValidateOnStart();
        builder.Services.AddSingleton<PatientSigningKey>();
        builder.Services.AddSingleton<PatientTokenIssuer>();
        return builder;
    }

    /// <summary>The public keys, for services that validate patient tokens (internal; not routed by the gateway).</summary>
    public static IEndpointRouteBuilder MapPatientTokenKeys(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/jwks.json", (PatientSigningKey key) => TypedResults.Json(key.PublicKeys)).ExcludeFromDescription();
        return app;
    }
}
