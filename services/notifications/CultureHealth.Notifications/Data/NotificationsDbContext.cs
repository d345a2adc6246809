using CultureHealth.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Notifications.Data;

public sealed class NotificationsDbContext(DbContextOptions<NotificationsDbContext> options) : DbContext(options)
{
    public DbSet<SentMessage> SentMessages => Set<SentMessage>();
    public DbSet<ScheduledReminder> ScheduledReminders => Set<ScheduledReminder>();
    public DbSet<KnownComment> KnownComments => Set<KnownComment>();
    public DbSet<ConfirmedCommenter> ConfirmedCommenters => Set<ConfirmedCommenter>();
    public DbSet<MarketingConsent> MarketingConsents => Set<MarketingConsent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(NotificationsDbContext).Assembly);
    }
}
