using CultureHealth.Content.Api;
using CultureHealth.Content.Data;
using CultureHealth.Content.Messaging;
using CultureHealth.Messaging;
using CultureHealth.Messaging.Data;

namespace CultureHealth.Content;

public static class ContentServiceExtensions
{
    public static IHostApplicationBuilder AddContent(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ContentDbContext>("content");
        builder.AddServiceMessaging<ContentDbContext>("content", bus =>
        {
            bus.AddConsumer<PractitionerProfileChangedConsumer>();
        });
        return builder;
    }

    public static WebApplication MapContentApi(this WebApplication app)
    {
        app.MapAuthorApi();
        app.MapFeeds();
        return app;
    }
}
