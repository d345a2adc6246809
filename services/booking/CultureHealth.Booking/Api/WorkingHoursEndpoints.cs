using System.Security.Claims;
using CultureHealth.Booking.Application;
using CultureHealth.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Booking.Api;

/// <summary>When each practitioner works on some days (for the staff diary to shade working time, time off and closures).</summary>
public static class WorkingHoursEndpoints
{
    public static IEndpointRouteBuilder MapWorkingHoursEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/manage/booking/working-hours", List).WithTags("Schedules (staff)").RequireAuthorization(StaffPolicies.Diary);
        return app;
    }

    private static async Task<Results<Ok<List<WorkingHoursDto>>, ValidationProblem>> List(
        string? date, int? days, Guid? practitionerId, ClaimsPrincipal user, StaffDiary diary, CancellationToken ct)
    {
        if (DiaryDaysParsing.TryParse(date, days, out var from) is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(await diary.WorkingHoursAsync(user, practitionerId, from, days ?? 1, ct));
    }
}
