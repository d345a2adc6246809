using System.Security.Claims;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Application;

public sealed record CalendarKeyDto(string Key, string FeedPath);

/// <summary>
/// A practitioner's subscribable diary. Calendar apps cannot send a bearer token, so the feed URL carries a
/// secret key; only its hash is stored, and staff rotate it (which cuts off every old subscription).
/// </summary>
public sealed class CalendarFeeds(BookingDbContext db, TimeProvider clock)
{
    // Enough history for the practitioner's recent notes; subscribers re-fetch the feed often, so keep it bounded.
    private static readonly Duration History = Duration.FromDays(31);

    /// <summary>The practitioner's feed as iCalendar text; 404 unless <paramref name="key"/> is the current key.</summary>
    public async Task<string> WriteAsync(Guid id, string? key, CancellationToken ct)
    {
        var practitioner = await db.Practitioners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (practitioner is null || !SecretToken.Verify(key, practitioner.CalendarKeyHash))
        {
            throw ProblemException.NotFound("The calendar");
        }

        var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
        var since = now - History;
        var location = await db.Locations.AsNoTracking().Where(l => l.Id == practitioner.LocationId)
            .Select(l => l.Name + ", " + l.Address).FirstOrDefaultAsync(ct);
        var rows = await (
            from b in db.Bookings.AsNoTracking()
            join t in db.AppointmentTypes on b.AppointmentTypeId equals t.Id
            where b.PractitionerId == id && b.End >= since
                // A guest's booking enters the practitioner's calendar once confirmed; one never confirmed never did.
                && b.Status != BookingStatus.Pending && b.Status != BookingStatus.Expired
            orderby b.Start
            select new { b.Id, b.Start, b.End, b.Status, b.Sequence, b.PatientName, b.PatientPhone, b.Notes, TypeName = t.Name })
            .ToListAsync(ct);
        var events = rows.Select(r => PractitionerFeed.Event(
            r.Id, r.Start, r.End, $"{r.TypeName}: {r.PatientName}", r.Status, r.Sequence,
            description: string.Join("\n", new[] { r.PatientPhone, r.Notes }.Where(s => !string.IsNullOrWhiteSpace(s))),
            location: location));
        // Cancelled bookings stay in with STATUS:CANCELLED so subscribers drop them.
        return IcsWriter.WriteFeed($"CultureHealth – {practitioner.Name}", events, now);
    }

    /// <summary>A new key for a diary <paramref name="user"/> may run; the old key stops working at once.</summary>
    public async Task<CalendarKeyDto> RotateKeyAsync(Guid id, ClaimsPrincipal user, CancellationToken ct)
    {
        DiaryAccess.Require(user, id);
        var practitioner = await db.Practitioners.FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw ProblemException.NotFound("The practitioner");
        var key = SecretToken.Generate();
        practitioner.CalendarKeyHash = key.Hash;
        await db.SaveChangesAsync(ct);
        return new CalendarKeyDto(key.Value, $"/api/booking/practitioners/{id}/calendar.ics?key={key.Value}");
    }
}
