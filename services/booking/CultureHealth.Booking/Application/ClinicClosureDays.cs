using CultureHealth.Booking.Data;
using CultureHealth.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Application;

public sealed record ClosureDto(string Date, string Name);

/// <summary>Clinic-wide closed days (bank holidays): a closure shuts every diary at once.</summary>
public sealed class ClinicClosureDays(BookingDbContext db, WorkingTimeOpenings openings)
{
    public async Task<List<ClosureDto>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Closures.AsNoTracking().OrderBy(c => c.Date).ToListAsync(ct);
        return [.. rows.Select(c => new ClosureDto(ClinicTimeText.Format(c.Date), c.Name))];
    }

    /// <summary>Closes <paramref name="day"/> under <paramref name="name"/> (trimmed), or renames the closure already there.</summary>
    public async Task<ClosureDto> SaveAsync(LocalDate day, string name, CancellationToken ct)
    {
        // Bookings already made on the day stay; reception contacts those patients. Two saves of one new day at once
        // both find no row and both insert: the second meets the unique date, and then updates the row that won.
        for (var attempt = 1; ; attempt++)
        {
            var closure = await db.Closures.FirstOrDefaultAsync(c => c.Date == day, ct);
            if (closure is null)
            {
                db.Closures.Add(closure = new ClinicClosure { Date = day });
            }
            closure.Name = name;
            try
            {
                await db.SaveChangesAsync(ct);
                return new ClosureDto(ClinicTimeText.Format(day), closure.Name);
            }
            catch (DbUpdateException e) when (attempt == 1 && PostgresErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Opens <paramref name="day"/> again; the working time it had shut, every active practitioner's, is recorded for
    /// the waitlist in the same transaction.
    /// </summary>
    /// <returns>False when the day was not closed.</returns>
    public async Task<bool> ReopenAsync(LocalDate day, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var practitioners = await db.Practitioners.AsNoTracking().Where(p => p.Active).Select(p => p.Id).ToListAsync(ct);
        var before = await openings.BeforeAsync(practitioners, day, day, ct);
        if (await db.Closures.Where(c => c.Date == day).ExecuteDeleteAsync(ct) == 0)
        {
            return false;
        }

        await openings.RecordGainedSinceAsync(before, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }
}
