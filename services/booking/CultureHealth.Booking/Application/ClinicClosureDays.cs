using CultureHealth.Booking.Data;
using CultureHealth.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Application;

public sealed record ClosureDto(string Date, string Name);

/// <summary>Clinic-wide closed days (bank holidays): a closure shuts every diary at once.</summary>
public sealed class ClinicClosureDays(BookingDbContext db)
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

    /// <returns>False when the day was not closed.</returns>
    public async Task<bool> ReopenAsync(LocalDate day, CancellationToken ct) =>
        await db.Closures.Where(c => c.Date == day).ExecuteDeleteAsync(ct) > 0;
}
