using CultureHealth.Booking.Data;
using CultureHealth.Messaging.Erasure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CultureHealth.Booking.Application.PatientData;

/// <summary>
/// The retention policy (<see cref="RetentionOptions"/>): bookings that ended more than AnonymiseAfter ago keep their
/// diary facts and lose their contact details and notes, as an erasure would. Idempotent, so replicas may run it side by side.
/// </summary>
public sealed class BookingRetention(BookingDbContext db, IOptions<RetentionOptions> options, TimeProvider clock)
{
    /// <summary>Anonymises up to <paramref name="batch"/> bookings past the policy; returns how many it changed.</summary>
    public async Task<int> AnonymiseDueAsync(int batch, CancellationToken ct)
    {
        var cutoff = Instant.FromDateTimeOffset(clock.GetUtcNow() - options.Value.AnonymiseAfter);
        var due = await db.Bookings
            .Where(b => b.End < cutoff && (b.PatientName != ErasedPersonalData.Name || b.PatientEmail != ErasedPersonalData.Email
                || b.PatientPhone != null || b.Notes != null))
            .OrderBy(b => b.End)
            .Select(b => b.Id)
            .Take(batch)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        return await db.Bookings.Where(b => due.Contains(b.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(b => b.PatientName, ErasedPersonalData.Name)
            .SetProperty(b => b.PatientEmail, ErasedPersonalData.Email)
            .SetProperty(b => b.PatientPhone, (string?)null)
            .SetProperty(b => b.Notes, (string?)null), ct);
    }
}
