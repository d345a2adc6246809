using CultureHealth.Booking.Application;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Booking.Api;

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

    private static async Task<Ok<List<ClosureDto>>> List(ClinicClosureDays closures, CancellationToken ct) =>
        TypedResults.Ok(await closures.ListAsync(ct));

    private static async Task<Results<Ok<ClosureDto>, ValidationProblem>> Put(string date, ClosureRequest body, ClinicClosureDays closures, CancellationToken ct)
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

        return TypedResults.Ok(await closures.SaveAsync(day, body.Name!.Trim(), ct));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> Delete(string date, ClinicClosureDays closures, CancellationToken ct)
    {
        if (!ClinicTimeText.TryParseDate(date, out var day))
        {
            return new RequestValidator().Add("date", "Must be a date like 2026-12-25.").Problem();
        }

        return await closures.ReopenAsync(day, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
    }
}
