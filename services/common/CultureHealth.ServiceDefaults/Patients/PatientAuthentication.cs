using CultureHealth.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CultureHealth.ServiceDefaults.Patients;

public static class PatientPolicies
{
    /// <summary>A valid patient token (proven email); staff tokens do not satisfy it.</summary>
    public const string Patient = "patient";
}

public static class PatientAuthenticationExtensions
{
    /// <summary>
    /// Validates patient access tokens as a second scheme next to the staff one, with the shared key ring's
    /// verifier: "PatientAuth:JwksUrl" (the patients service's /.well-known/jwks.json, refetched on an unknown
    /// key id) and/or "PatientAuth:PublicKeys". Adds the "patient" policy; endpoints that merely accept a patient
    /// token call AuthenticateAsync(PatientTokens.Scheme).
    /// </summary>
    public static IHostApplicationBuilder AddPatientAuthentication(this IHostApplicationBuilder builder)
    {
        builder.AddJwtKeys(PatientTokens.Section, PatientTokens.Defaults);
        builder.Services.AddAuthentication()
            .AddJwtKeyRingBearer(PatientTokens.Scheme, PatientTokens.Section, tvp => tvp.NameClaimType = PatientClaims.Email);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PatientPolicies.Patient, p => p
                .AddAuthenticationSchemes(PatientTokens.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(PatientClaims.EmailVerified, "true", "True"));
        return builder;
    }
}
