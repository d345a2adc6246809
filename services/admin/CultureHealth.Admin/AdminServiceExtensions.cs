using CultureHealth.Admin.Data;
using CultureHealth.Messaging;
using CultureHealth.Messaging.Data;

namespace CultureHealth.Admin;

public static class AdminServiceExtensions
{
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<AdminDbContext>("admin");
        builder.AddServiceMessaging<AdminDbContext>("admin");
        return builder;
    }

    public static WebApplication MapAdminApi(this WebApplication app) => app;
}
