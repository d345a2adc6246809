using System.Security.Claims;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Calendar;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CultureHealth.Booking.Api;

public sealed record CalendarKeyDto(string Key, string FeedPath);

/// <summary>
/// A practitioner's subscribable diary. Calendar apps cannot send a bearer token, so the feed URL carries a
/// secret key; only its hash is stored, and staff rotate it (which cuts off every old subscription).
/// </summary>
public static class CalendarFeedEndpoints
{
    // Enough history for the practitioner's recent notes; subscribers re-fetch the feed often, so keep it bounded.
    private static readonly Duration History = Duration.FromDays(31);

    public static IEndpointRouteBuilder MapCalendarFeedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/booking/practitioners/{id:guid}/calendar.ics", Feed).WithTags("Calendar feed");
        app.MapPost("/manage/booking/practitioners/{id:guid}/calendar-key", RotateKey).WithTags("Calendar feed")
            .RequireAuthorization(StaffPolicies.Diary);
        return app;
    }

    private static async Task<IResult> Feed(Guid id, string? key, BookingDbContext db, TimeProvider clock, CancellationToken ct)
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
        var ics = IcsWriter.WriteFeed($"CultureHealth – {practitioner.Name}", events, now);
        return TypedResults.Text(ics, "text/calendar; charset=utf-8");
    }

    private static async Task<Ok<CalendarKeyDto>> RotateKey(Guid id, ClaimsPrincipal user, BookingDbContext db, CancellationToken ct)
    {
        DiaryAccess.Require(user, id);
        var practitioner = await db.Practitioners.FirstOrDefaultAsync(p => p.Id == id, ct)
            ?? throw ProblemException.NotFound("The practitioner");
        var key = SecretToken.Generate();
        practitioner.CalendarKeyHash = key.Hash;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CalendarKeyDto(key.Value, $"/api/booking/practitioners/{id}/calendar.ics?key={key.Value}"));
    }
}
