using System.Threading.RateLimiting;
using CultureHealth.Admin.Api;
using CultureHealth.Admin.Data;
using CultureHealth.Admin.Domain;
using CultureHealth.Admin.Forwarding;
using CultureHealth.Admin.Staff;
using CultureHealth.Messaging;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Options;
using MassTransit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CultureHealth.Admin;

public static class AdminServiceExtensions
{
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<AdminOptions>(AdminOptions.Section);
        builder.AddServiceDatabase<AdminDbContext>("admin");
        builder.Services.AddHostedService<BootstrapAdminAccount>();
        builder.AddServiceMessaging<AdminDbContext>("admin", bus =>
            // The dashboard's read model: every public event the staff care about.
            bus.AddConsumers(typeof(AdminServiceExtensions).Assembly));

        builder.Services.AddSingleton<IPasswordHasher<StaffUser>, PasswordHasher<StaffUser>>();
        builder.Services.AddScoped<StaffAccounts>();
        builder.Services.AddScoped<AuditLog>();
        builder.Services.AddManageClients();

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
        app.MapAuthApi();
        app.MapStaffApi();
        app.MapDashboardApi();
        app.MapManageForwarding();
        return app;
    }
}
