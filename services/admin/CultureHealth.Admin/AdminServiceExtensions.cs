using System.Threading.RateLimiting;
using CultureHealth.Admin.Api;
using CultureHealth.Admin.Application;
using CultureHealth.Admin.Data;
using CultureHealth.Admin.Domain;
using CultureHealth.Admin.Domain.Passwords;
using CultureHealth.Admin.Forwarding;
using CultureHealth.Messaging;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Options;
using MassTransit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CultureHealth.Admin;

public static class AdminServiceExtensions
{
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<AdminOptions>(AdminOptions.Section);
        builder.AddServiceDatabase<AdminDbContext>("admin");
        if (!builder.Configuration.GetValue<bool>("Database:MigrateAndExit"))
        {
            // Signs staff tokens; a migration job signs nothing and is not given the private key.
            builder.AddStaffTokenIssuer();
        }
        builder.Services.AddHostedService<BootstrapAdminAccount>();
        builder.AddServiceMessaging<AdminDbContext>("admin", bus =>
            // The dashboard's read model: every public event the staff care about.
            bus.AddConsumers(typeof(AdminServiceExtensions).Assembly));

        builder.Services.AddSingleton<IPasswordHasher<StaffUser>, PasswordHasher<StaffUser>>();
        builder.Services.AddOptions<PasswordHasherOptions>().Configure<IOptions<AdminOptions>>((hasher, admin) =>
        {
            hasher.CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV3; // PBKDF2 with HMAC-SHA512
            hasher.IterationCount = admin.Value.PasswordHashIterations;
        });
        builder.Services.AddSingleton(CommonPasswords.Load());
        builder.Services.AddSingleton(sp => new PasswordPolicy(
            sp.GetRequiredService<IOptions<AdminOptions>>().Value.MinimumPasswordLength, sp.GetRequiredService<CommonPasswords>()));
        builder.Services.AddMemoryCache();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<StaffSessions>();
        builder.Services.AddScoped<StaffDirectory>();
        builder.Services.AddScoped<SignInThrottles>();
        builder.Services.AddScoped<SecurityStamps>();
        builder.Services.AddScoped<DashboardQuery>();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddManageForwarding();
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, RefuseRevokedTokens);

        // The gateway limits sign-in per client IP too; this guards the service when called directly.
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(AuthEndpoints.SignInRateLimit, ctx => RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = ctx.RequestServices.GetRequiredService<IOptions<AdminOptions>>().Value.SignInPermitsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
        return builder;
    }

    public static WebApplication MapAdminApi(this WebApplication app)
    {
        app.UseRateLimiter();
        app.MapJwks(StaffTokens.Section);
        app.MapAuthApi();
        app.MapStaffApi();
        app.MapDashboardApi();
        app.MapManageForwarding();
        return app;
    }

    /// <summary>
    /// Admin is the choke point for staff (services' /manage APIs are reached only through its forwarding), so it
    /// checks every token's security stamp: a token from before a sign-out, disable or role change is refused.
    /// </summary>
    private static void RefuseRevokedTokens(JwtBearerOptions jwt)
    {
        jwt.Events ??= new JwtBearerEvents();
        var validated = jwt.Events.OnTokenValidated;
        jwt.Events.OnTokenValidated = async context =>
        {
            await validated(context);
            var stamps = context.HttpContext.RequestServices.GetRequiredService<SecurityStamps>();
            if (context.Principal is null || !await stamps.IsCurrentAsync(context.Principal, context.HttpContext.RequestAborted))
            {
                context.Fail("The token was revoked.");
            }
        };
    }
}
