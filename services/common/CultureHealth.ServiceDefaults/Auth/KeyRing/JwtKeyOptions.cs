using Microsoft.Extensions.Options;

namespace CultureHealth.ServiceDefaults.Auth;

/// <summary>
/// The keys of one token issuer (staff tokens: section "StaffAuth"; patient tokens: "PatientAuth"), bound from
/// configuration. The issuer holds the private <see cref="SigningKeys"/> (ES256, ECDSA P-256) and publishes their
/// public halves as a JWKS; a verifier holds only <see cref="PublicKeys"/> and/or a <see cref="JwksUrl"/>.
/// Several keys may be listed so keys rotate: every token names its key id (kid), one key signs, all verify.
/// </summary>
public sealed class JwtKeyOptions
{
    public string Issuer { get; set; } = "";
    public string Audience { get; set; } = "";

    /// <summary>Private keys: only the issuing service is given these.</summary>
    public List<PrivateKeyOptions> SigningKeys { get; set; } = [];

    /// <summary>Which signing key signs new tokens; defaults to the first listed. The others still verify.</summary>
    public string? ActiveKeyId { get; set; }

    /// <summary>Public keys a verifier trusts without asking the issuer (PEM, SubjectPublicKeyInfo).</summary>
    public List<PublicKeyOptions> PublicKeys { get; set; } = [];

    /// <summary>The issuer's JWKS (e.g. http://admin:8080/.well-known/jwks.json); fetched again on an unknown kid.</summary>
    public string? JwksUrl { get; set; }

    /// <summary>How long fetched keys are used before they are fetched again in the background.</summary>
    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The least time between two fetches, so tokens with made-up key ids cannot hammer the issuer.</summary>
    public TimeSpan JwksMinimumRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
}

public sealed class PrivateKeyOptions
{
    public string Id { get; set; } = "";
    /// <summary>A PEM "PRIVATE KEY" (PKCS#8) or "EC PRIVATE KEY" on curve P-256.</summary>
    public string? PrivateKeyPem { get; set; }
    /// <summary>Or the path of a file holding it (a mounted Secret).</summary>
    public string? PrivateKeyFile { get; set; }
}

public sealed class PublicKeyOptions
{
    public string Id { get; set; } = "";
    /// <summary>A PEM "PUBLIC KEY" on curve P-256.</summary>
    public string? PublicKeyPem { get; set; }
    /// <summary>Or the path of a file holding it.</summary>
    public string? PublicKeyFile { get; set; }
}

internal sealed class JwtKeyOptionsValidator(string section, bool mustSign) : IValidateOptions<JwtKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtKeyOptions options)
    {
        if (name != section)
        {
            return ValidateOptionsResult.Skip;
        }
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add($"{section}:Issuer is required.");
        }
        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add($"{section}:Audience is required.");
        }
        if (mustSign && options.SigningKeys.Count == 0)
        {
            failures.Add($"{section}:SigningKeys needs at least one key (Id and PrivateKeyPem or PrivateKeyFile): this service issues tokens.");
        }
        if (options.SigningKeys.Count == 0 && options.PublicKeys.Count == 0 && string.IsNullOrWhiteSpace(options.JwksUrl))
        {
            failures.Add($"{section} needs PublicKeys or a JwksUrl to verify tokens.");
        }
        var ids = options.SigningKeys.Select(k => k.Id).Concat(options.PublicKeys.Select(k => k.Id)).ToList();
        if (ids.Any(string.IsNullOrWhiteSpace))
        {
            failures.Add($"Every {section} key needs an Id.");
        }
        foreach (var key in options.SigningKeys)
        {
            if (EcdsaKeys.Problem(() => EcdsaKeys.LoadPrivate(key)) is { } problem)
            {
                failures.Add($"{section} signing key '{key.Id}': {problem}");
            }
        }
        foreach (var key in options.PublicKeys)
        {
            if (EcdsaKeys.Problem(() => EcdsaKeys.LoadPublic(key)) is { } problem)
            {
                failures.Add($"{section} public key '{key.Id}': {problem}");
            }
        }
        if (options.SigningKeys.GroupBy(k => k.Id).Any(g => g.Count() > 1))
        {
            failures.Add($"{section}:SigningKeys has a key id twice.");
        }
        if (options.ActiveKeyId is not null && options.SigningKeys.All(k => k.Id != options.ActiveKeyId))
        {
            failures.Add($"{section}:ActiveKeyId '{options.ActiveKeyId}' is not among the signing keys.");
        }
        if (options.JwksUrl is { Length: > 0 } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            failures.Add($"{section}:JwksUrl is not an absolute URL.");
        }
        if (options.AccessTokenLifetime <= TimeSpan.Zero)
        {
            failures.Add($"{section}:AccessTokenLifetime must be positive.");
        }
        if (options.JwksMinimumRefreshInterval <= TimeSpan.Zero || options.JwksRefreshInterval < options.JwksMinimumRefreshInterval)
        {
            failures.Add($"{section}: JwksMinimumRefreshInterval must be positive and no longer than JwksRefreshInterval.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
