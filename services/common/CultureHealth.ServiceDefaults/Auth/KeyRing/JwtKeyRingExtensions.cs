using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CultureHealth.ServiceDefaults.Auth;

/// <summary>
/// One building block for every token issuer and verifier. Keys are named by their configuration section:
/// <list type="bullet">
/// <item>a verifier: <c>builder.AddJwtKeys("StaffAuth", defaults)</c> then
/// <c>AddAuthentication().AddJwtKeyRingBearer(scheme, "StaffAuth", tvp => ...)</c>;</item>
/// <item>the issuer as well: <c>builder.AddSigningKeyRing("StaffAuth", defaults)</c>, sign with the keyed
/// <see cref="SigningKeyRing"/>, and <c>app.MapJwks("StaffAuth")</c> publishes the public keys.</item>
/// </list>
/// </summary>
public static class JwtKeyRingExtensions
{
    public const string DefaultJwksPath = "/.well-known/jwks.json";

    /// <summary>Binds and validates the section's keys and registers its <see cref="VerificationKeys"/> (keyed by section).</summary>
    public static IHostApplicationBuilder AddJwtKeys(this IHostApplicationBuilder builder, string section, Action<JwtKeyOptions>? defaults = null)
    {
        if (builder.Services.Any(d => d.ServiceType == typeof(VerificationKeys) && Equals(d.ServiceKey, section)))
        {
            return builder;
        }
        var options = builder.Services.AddOptions<JwtKeyOptions>(section);
        if (defaults is not null)
        {
            options.Configure(defaults);
        }
        options.Bind(builder.Configuration.GetSection(section)).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<JwtKeyOptions>>(new JwtKeyOptionsValidator(section, mustSign: false));
        if (!builder.Services.Any(d => d.ServiceType == typeof(JwksClientMarker)))
        {
            builder.Services.AddSingleton<JwksClientMarker>();
            builder.Services.AddHttpClient(VerificationKeys.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(5));
        }
        builder.Services.AddKeyedSingleton(section, (sp, _) => new VerificationKeys(
            sp.GetRequiredService<IOptionsMonitor<JwtKeyOptions>>().Get(section),
            sp.GetRequiredService<IHttpClientFactory>(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System,
            sp.GetRequiredService<ILogger<VerificationKeys>>()));
        return builder;
    }

    /// <summary>For the issuing service: its private keys (required at start-up) as a keyed <see cref="SigningKeyRing"/>.</summary>
    public static IHostApplicationBuilder AddSigningKeyRing(this IHostApplicationBuilder builder, string section, Action<JwtKeyOptions>? defaults = null)
    {
        builder.AddJwtKeys(section, defaults);
        builder.Services.AddSingleton<IValidateOptions<JwtKeyOptions>>(new JwtKeyOptionsValidator(section, mustSign: true));
        builder.Services.AddKeyedSingleton(section, (sp, _) => new SigningKeyRing(
            sp.GetRequiredService<IOptionsMonitor<JwtKeyOptions>>().Get(section),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        return builder;
    }

    /// <summary>
    /// A JWT bearer scheme that accepts only ES256 tokens of the section's issuer and audience, signed by one of
    /// its <see cref="VerificationKeys"/>. Failures answer a plain <c>WWW-Authenticate: Bearer</c> (no error details).
    /// </summary>
    public static AuthenticationBuilder AddJwtKeyRingBearer(
        this AuthenticationBuilder auth, string scheme, string section, Action<TokenValidationParameters>? configure = null)
    {
        auth.AddJwtBearer(scheme);
        auth.Services.AddOptions<JwtBearerOptions>(scheme).Configure<IServiceProvider>((jwt, sp) =>
        {
            var options = sp.GetRequiredService<IOptionsMonitor<JwtKeyOptions>>().Get(section);
            var keys = sp.GetRequiredKeyedService<VerificationKeys>(section);
            var clock = sp.GetService<TimeProvider>() ?? TimeProvider.System;
            var skew = TimeSpan.FromSeconds(30);
            jwt.MapInboundClaims = false;
            jwt.IncludeErrorDetails = false;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                ValidAlgorithms = [EcdsaKeys.Algorithm],
                IssuerSigningKeyResolver = (_, _, _, _) => keys.Current,
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ClockSkew = skew,
                // The process's TimeProvider, like everything else here, not the machine clock.
                LifetimeValidator = (notBefore, expires, _, _) =>
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    return expires is { } e && e > now - skew && (notBefore is not { } nbf || nbf <= now + skew);
                },
            };
            configure?.Invoke(jwt.TokenValidationParameters);

            jwt.Events ??= new JwtBearerEvents();
            var received = jwt.Events.OnMessageReceived;
            jwt.Events.OnMessageReceived = async context =>
            {
                await received(context);
                await keys.EnsureAsync(KeyIdOf(context), context.HttpContext.RequestAborted);
            };
        });
        return auth;
    }

    /// <summary>Publishes the public halves of the section's signing keys (anonymous; public keys are not secret).</summary>
    public static RouteHandlerBuilder MapJwks(this IEndpointRouteBuilder app, string section, string pattern = DefaultJwksPath) =>
        app.MapGet(pattern, (HttpContext context) =>
        {
            var ring = context.RequestServices.GetRequiredKeyedService<SigningKeyRing>(section);
            context.Response.Headers.CacheControl = "public, max-age=300";
            return TypedResults.Json(ring.Jwks);
        }).AllowAnonymous().ExcludeFromDescription();

    private static string? KeyIdOf(MessageReceivedContext context)
    {
        var token = context.Token;
        if (token is null)
        {
            var header = context.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }
            token = header["Bearer ".Length..].Trim();
        }
        try
        {
            return new JsonWebToken(token).Kid;
        }
        catch (ArgumentException)
        {
            return null; // malformed: the handler refuses it
        }
    }

    private sealed class JwksClientMarker;
}
