using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace CultureHealth.ServiceDefaults.Patients;

/// <summary>
/// Where a service finds the patients service's public keys ("PatientAuth" section): <see cref="JwksUrl"/> in a
/// deployment (fetched, cached, refetched when a token names an unknown key id, so keys can rotate), or the key
/// set itself in <see cref="Jwks"/> (tests, or a cluster that distributes keys as configuration).
/// </summary>
public sealed class PatientAuthOptions
{
    public const string Section = "PatientAuth";

    public string? JwksUrl { get; set; }
    public string? Jwks { get; set; }
}

public static class PatientPolicies
{
    /// <summary>A valid patient token (proven email); staff tokens do not satisfy it.</summary>
    public const string Patient = "patient";
}

public static class PatientAuthenticationExtensions
{
    /// <summary>
    /// Validates patient access tokens (ES256, issuer culturehealth-patients) as a second scheme next to the
    /// staff one, and the "patient" policy. Endpoints that merely accept one call AuthenticateAsync(Scheme).
    /// </summary>
    public static IHostApplicationBuilder AddPatientAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PatientAuthOptions>()
            .Bind(builder.Configuration.GetSection(PatientAuthOptions.Section))
            .Validate(o => !string.IsNullOrWhiteSpace(o.JwksUrl) || !string.IsNullOrWhiteSpace(o.Jwks),
                "PatientAuth:JwksUrl (the patients service's /.well-known/jwks.json) or PatientAuth:Jwks is required.")
            .ValidateOnStart();

        builder.Services.AddAuthentication().AddJwtBearer(PatientTokens.Scheme);
        builder.Services.AddOptions<JwtBearerOptions>(PatientTokens.Scheme)
            .Configure<IOptions<PatientAuthOptions>>((jwt, patientAuth) =>
            {
                var o = patientAuth.Value;
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = PatientTokens.Issuer,
                    ValidAudience = PatientTokens.Audience,
                    ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
                    NameClaimType = PatientClaims.Email,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
                if (!string.IsNullOrWhiteSpace(o.Jwks))
                {
                    jwt.TokenValidationParameters.IssuerSigningKeys = new JsonWebKeySet(o.Jwks).GetSigningKeys();
                }
                else
                {
                    jwt.RequireHttpsMetadata = false; // in-cluster address of the patients service
                    jwt.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
                        o.JwksUrl!, new JwksRetriever(), new HttpDocumentRetriever { RequireHttps = false })
                    {
                        AutomaticRefreshInterval = TimeSpan.FromHours(1),
                        RefreshInterval = TimeSpan.FromSeconds(30),
                    };
                }
            });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(PatientPolicies.Patient, p => p
                .AddAuthenticationSchemes(PatientTokens.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(PatientClaims.EmailVerified, "true", "True"));
        return builder;
    }

    /// <summary>Reads a bare JWKS document as the "configuration" JwtBearer refreshes its keys from.</summary>
    private sealed class JwksRetriever : IConfigurationRetriever<OpenIdConnectConfiguration>
    {
        public async Task<OpenIdConnectConfiguration> GetConfigurationAsync(string address, IDocumentRetriever retriever, CancellationToken cancel)
        {
            var keys = new JsonWebKeySet(await retriever.GetDocumentAsync(address, cancel));
            var configuration = new OpenIdConnectConfiguration { Issuer = PatientTokens.Issuer };
            foreach (var key in keys.GetSigningKeys())
            {
                configuration.SigningKeys.Add(key);
            }
            return configuration;
        }
    }
}
