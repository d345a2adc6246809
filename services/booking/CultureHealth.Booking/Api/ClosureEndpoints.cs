using CultureHealth.Messaging.Data;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Data;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Booking.Api;

public sealed record ClosureDto(string Date, string Name);

public sealed record ClosureRequest(string? Name);

/// <summary>
/// Clinic-wide closed days (bank holidays): everyone who runs a diary reads them; only admins change them,
/// because a closure shuts every diary at once.
/// </summary>
public static class ClosureEndpoints
{
    public static IEndpointRouteBuilder MapClosureEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/manage/booking/closures", List).WithTags("Closures (staff)").RequireAuthorization(StaffPolicies.Diary);
        var closures = app.MapGroup("/manage/booking/closures").WithTags("Closures (staff)").RequireAuthorization(StaffPolicies.Admin);
        closures.MapPut("/{date}", Put);
        closures.MapDelete("/{date}", Delete);
        return app;
    }

    private static async Task<Ok<List<ClosureDto>>> List(BookingDbContext db, CancellationToken ct)
    {
        var rows = await db.Closures.AsNoTracking().OrderBy(c => c.Date).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(c => new ClosureDto(ClinicTimeText.Format(c.Date), c.Name)).ToList());
    }

    private static async Task<Results<Ok<ClosureDto>, ValidationProblem>> Put(string date, ClosureRequest body, BookingDbContext db, CancellationToken ct)
    {
        var v = new RequestValidator().Required("name", body.Name, 120);
        if (!ClinicTimeText.TryParseDate(date, out var day))
        {
            v.Add("date", "Must be a date like 2026-12-25.");
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        // Bookings already made on the day stay; reception contacts those patients. Two saves of one new day at once
        // both find no row and both insert: the second meets the unique date, and then updates the row that won.
        var name = body.Name!.Trim();
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
                return TypedResults.Ok(new ClosureDto(ClinicTimeText.Format(day), closure.Name));
            }
            catch (DbUpdateException e) when (attempt == 1 && PostgresErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Delete(string date, BookingDbContext db, CancellationToken ct)
    {
        if (!ClinicTimeText.TryParseDate(date, out var day))
        {
            return new RequestValidator().Add("date", "Must be a date like 2026-12-25.").Problem();
        }

        return await db.Closures.Where(c => c.Date == day).ExecuteDeleteAsync(ct) == 0 ? TypedResults.NotFound() : TypedResults.NoContent();
    }
}
