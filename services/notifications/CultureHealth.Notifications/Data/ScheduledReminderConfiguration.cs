using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Notifications.Data;

internal sealed class ScheduledReminderConfiguration : IEntityTypeConfiguration<ScheduledReminder>
{
    public void Configure(EntityTypeBuilder<ScheduledReminder> e)
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
    }
}
