using CultureHealth.Content.Api;
using CultureHealth.Content.Application;
using CultureHealth.Content.Data;
using CultureHealth.Content.Messaging;
using CultureHealth.Content.Telemetry;
using CultureHealth.Messaging;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Options;
using CultureHealth.ServiceDefaults.Patients;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace CultureHealth.Content;

public static class ContentServiceExtensions
{
    public static IHostApplicationBuilder AddContent(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<ContentOptions>(ContentOptions.Section);
        builder.AddServiceDatabase<ContentDbContext>("content");
        builder.AddEventSecrets();
        builder.AddPatientAuthentication();
        builder.Services.AddScoped<PatientData>();
        builder.Services.AddScoped<CommenterEmails>();
        builder.Services.AddScoped<IDemoDataSeeder<ContentDbContext>, ContentDemoData>();
        builder.AddServiceMessaging<ContentDbContext>("content", bus =>
        {
            bus.AddConsumer<PractitionerProfileChangedConsumer>();
            bus.AddConsumer<PatientErasureRequestedConsumer>();
        });
        builder.Services.AddSingleton<ContentMetrics>();
        builder.Services.AddHostedService<ModerationQueueSampler>();
        builder.Services.AddScoped<PublicArticles>();
        builder.Services.AddScoped<Authors>();
        builder.Services.AddScoped<FeedEntries>();
        builder.Services.AddScoped<CommentThreads>();
        builder.Services.AddScoped<StaffArticleViews>();
        builder.Services.AddScoped<ArticleEdits>();
        builder.Services.AddScoped<ArticleChanges>();
        builder.Services.AddScoped<ModerationQueue>();
        builder.Services.AddScoped<CommentModeration>();
        builder.Services.AddScoped<ClinicReplies>();
        builder.Services.AddScoped<CommentSubmissions>();
        builder.Services.AddHostedService<ScheduledPublisher>();
        builder.Services.AddCommentRateLimiting();
        builder.Services.AddOutputCache();
        builder.Services.AddOptions<OutputCacheOptions>().Configure<IOptions<ContentOptions>>((cache, content) =>
            ContentCache.AddPolicies(cache, content.Value.OutputCacheDuration));
        return builder;
    }

    public static WebApplication MapContentApi(this WebApplication app)
    {
        app.UseRateLimiter();
        app.UseOutputCache();
        app.MapAuthorApi();
        app.MapPublicArticleApi();
        app.MapCommentApi();
        app.MapCommenterEmailApi();
        app.MapFeeds();
        app.MapStaffArticleApi();
        app.MapModerationApi();
        app.MapClinicReplyApi();
        app.MapPatientDataApi();
        return app;
    }
}
