using CultureHealth.Contracts;
using CultureHealth.Messaging.Inbox;
using CultureHealth.Notifications.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Notifications.Messaging;

/// <summary>
/// Keeps each address's latest marketing consent (the patients service owns it; this is a projection). Events may
/// arrive out of order, so a change older than the one kept is ignored; a redelivered event acts once (the inbox).
/// </summary>
public sealed class PatientPreferencesChangedConsumer(NotificationsDbContext db, TimeProvider clock, ILogger<PatientPreferencesChangedConsumer> logger)
    : IdempotentConsumer<PatientPreferencesChanged, NotificationsDbContext>(db, clock, logger)
{
    protected override async Task HandleAsync(PatientPreferencesChanged m, ConsumeContext<PatientPreferencesChanged> context, CancellationToken ct)
    {
        var email = m.Email.Trim().ToLowerInvariant();
        var changedAt = m.ChangedAt.ToUniversalTime();
        // One statement, so two changes for one address handled at once cannot both insert or overwrite newer with older.
        await Db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO marketing_consents (email, consent, changed_at) VALUES ({email}, {m.MarketingConsent}, {changedAt})
            ON CONFLICT (email) DO UPDATE SET consent = EXCLUDED.consent, changed_at = EXCLUDED.changed_at
            WHERE marketing_consents.changed_at < EXCLUDED.changed_at
            """, ct);
    }
}
