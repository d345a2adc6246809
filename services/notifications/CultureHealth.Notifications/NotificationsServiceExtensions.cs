using CultureHealth.Messaging;
using CultureHealth.Messaging.Data;
using CultureHealth.Notifications.Composition;
using CultureHealth.Notifications.Data;
using CultureHealth.Notifications.Email;
using CultureHealth.Notifications.Messaging;
using CultureHealth.Notifications.Reminders;
using CultureHealth.Notifications.Staff;
using CultureHealth.Notifications.Telemetry;
using CultureHealth.Notifications.Templates;
using CultureHealth.ServiceDefaults.Options;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.Extensions.Options;

namespace CultureHealth.Notifications;

public static class NotificationsServiceExtensions
{
    /// <summary>The email worker: event consumers, reminder and digest senders, templates and the configured delivery.</summary>
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        var site = builder.Configuration["Site:PublicUrl"];
        builder.AddValidatedOptions<NotificationsOptions>(NotificationsOptions.Section)
            .PostConfigure(o => o.PublicSiteUrl ??= site);
        builder.AddValidatedOptions<SmtpOptions>(SmtpOptions.Section);

        builder.AddServiceDatabase<NotificationsDbContext>("notifications");
        // Opens the bearer secrets (manage tokens, voucher codes, confirmation links) that producers seal into events.
        builder.AddEventSecrets();
        builder.AddServiceMessaging<NotificationsDbContext>("notifications", bus =>
        {
            bus.AddConsumer<BookingConfirmedConsumer>();
            bus.AddConsumer<BookingRescheduledConsumer>();
            bus.AddConsumer<BookingCancelledConsumer>();
            bus.AddConsumer<OrderPaidConsumer>();
            bus.AddConsumer<GiftVouchersIssuedConsumer>();
            bus.AddConsumer<OrderShippedConsumer>();
            bus.AddConsumer<OrderRefundedConsumer>();
            bus.AddConsumer<StockLowConsumer>();
            bus.AddConsumer<CommentSubmittedConsumer>();
            bus.AddConsumer<CommentModeratedConsumer>();
            bus.AddConsumer<EmailProofRequestedConsumer>();
            bus.AddConsumer<BookingConfirmationRequestedConsumer>();
            bus.AddConsumer<WaitlistOfferMadeConsumer>();
            bus.AddConsumer<CommenterEmailConfirmationRequestedConsumer>();
            bus.AddConsumer<CommenterEmailConfirmedConsumer>();
            bus.AddConsumer<PatientErasureRequestedConsumer>();
            bus.AddConsumer<PatientErasureCompletedConsumer>();
            bus.AddConsumer<PatientPreferencesChangedConsumer>();
        });

        builder.Services.AddSingleton<EmailTemplates>();
        builder.Services.AddSingleton<MimeMessageFactory>();
        builder.Services.AddSingleton<SmtpEmailSender>();
        builder.Services.AddSingleton<PickupDirectoryEmailSender>();
        builder.Services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<IOptions<NotificationsOptions>>().Value.Delivery switch
        {
            EmailDelivery.Pickup => sp.GetRequiredService<PickupDirectoryEmailSender>(),
            _ => sp.GetRequiredService<SmtpEmailSender>(),
        });
        builder.Services.AddSingleton<NotificationsMetrics>();
        builder.Services.AddScoped<Mailer>();
        builder.Services.AddSingleton<BookingEmails>();
        builder.Services.AddSingleton<ShopEmails>();
        builder.Services.AddSingleton<CommunityEmails>();
        builder.Services.AddSingleton<ProofEmails>();
        builder.Services.AddSingleton<ErasureEmails>();

        builder.Services.AddHostedService<ReminderSender>();
        builder.Services.AddHostedService<ModerationDigestSender>();
        return builder;
    }
}
