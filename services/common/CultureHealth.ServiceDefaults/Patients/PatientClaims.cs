using System.Security.Claims;
using CultureHealth.ServiceDefaults.Auth;

namespace CultureHealth.ServiceDefaults.Patients;

/// <summary>What a patient access token is: who issues it, for whom, and the claims it carries.</summary>
public static class PatientTokens
{
    /// <summary>The authentication scheme under which services validate patient tokens (staff tokens keep the default one).</summary>
    public const string Scheme = "Patient";

    public const string Issuer = "culturehealth-patients";
    public const string Audience = "culturehealth";

    /// <summary>The configuration section of the key ring (signing keys in patients; public keys or a JWKS URL elsewhere).</summary>
    public const string Section = "PatientAuth";

    /// <summary>What every process assumes unless "PatientAuth" says otherwise: about an hour per token.</summary>
    public static void Defaults(JwtKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Issuer = Issuer;
        options.Audience = Audience;
        options.AccessTokenLifetime = TimeSpan.FromMinutes(60);
    }
}

public static class PatientClaims
{
    /// <summary>The patient's stable id in the patients service.</summary>
    public const string Subject = "sub";

    /// <summary>The address the patient proved, normalized (trimmed, lower case).</summary>
    public const string Email = "email";

    /// <summary>Always true in a patient token: the only way to get one is to prove the address.</summary>
    public const string EmailVerified = "email_verified";

    /// <summary>
    /// The proven address of a validated patient token, or null when the principal is not one. Callers compare it
    /// with an address from a request after the same normalization (trim, lower case).
    /// </summary>
    public static string? VerifiedEmail(this ClaimsPrincipal? principal)
    {
        if (principal?.Identity is not { IsAuthenticated: true }
            || !string.Equals(principal.FindFirst(EmailVerified)?.Value, "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var email = principal.FindFirst(Email)?.Value;
        return string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
    }
}
