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
        modelBuilder.Entity<SentMessage>(e =>
        {
            e.ToTable("sent_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Kind).HasMaxLength(60).IsRequired();
            e.Property(m => m.Recipient).HasMaxLength(320).IsRequired();
            e.Property(m => m.Subject).HasMaxLength(500).IsRequired();
            e.Property(m => m.ProviderMessageId).HasMaxLength(500);
            e.HasIndex(m => m.EventId);
            e.HasIndex(m => new { m.Reference, m.Kind });
            e.HasIndex(m => new { m.Kind, m.SentAt });
        });
        modelBuilder.Entity<ScheduledReminder>(e =>
        {
            e.ToTable("scheduled_reminders");
            e.HasKey(r => r.BookingId);
            e.Property(r => r.PatientName).HasMaxLength(200).IsRequired();
            e.Property(r => r.PatientEmail).HasMaxLength(320).IsRequired();
            e.Property(r => r.PractitionerName).HasMaxLength(200).IsRequired();
            e.Property(r => r.AppointmentTypeName).HasMaxLength(200).IsRequired();
            e.Ignore(r => r.HasDetails);
            // The reminder sweep only looks at appointments still waiting for theirs.
            e.HasIndex(r => r.Start).HasFilter("sent_at IS NULL AND cancelled = false");
        });
        modelBuilder.Entity<ConfirmedCommenter>(e =>
        {
            e.ToTable("confirmed_commenters");
            e.HasKey(c => c.Email);
            e.Property(c => c.Email).HasMaxLength(320);
        });
        modelBuilder.Entity<MarketingConsent>(e =>
        {
            e.ToTable("marketing_consents");
            e.HasKey(c => c.Email);
            e.Property(c => c.Email).HasMaxLength(320);
        });
        modelBuilder.Entity<KnownComment>(e =>
        {
            e.ToTable("known_comments");
            e.HasKey(c => c.CommentId);
            e.Property(c => c.ArticleSlug).HasMaxLength(200).IsRequired();
            e.Property(c => c.ArticleTitle).HasMaxLength(300).IsRequired();
            e.Property(c => c.AuthorName).HasMaxLength(200).IsRequired();
            e.Property(c => c.AuthorEmail).HasMaxLength(320).IsRequired();
            e.Property(c => c.Excerpt).HasMaxLength(1000);
            e.Property(c => c.Status).HasMaxLength(20).IsRequired();
            e.HasIndex(c => c.SubmittedAt).HasFilter("status = 'pending' AND digested_at IS NULL");
        });
    }
}
