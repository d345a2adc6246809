using System.Security.Claims;
using CultureHealth.Booking.Application;
using CultureHealth.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Booking.Api;

/// <summary>A practitioner's subscribable diary (see <see cref="CalendarFeeds"/>): the feed by its secret key, and staff rotating that key.</summary>
public static class CalendarFeedEndpoints
{
    public static IEndpointRouteBuilder MapCalendarFeedEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/booking/practitioners/{id:guid}/calendar.ics", Feed).WithTags("Calendar feed");
        app.MapPost("/manage/booking/practitioners/{id:guid}/calendar-key", RotateKey).WithTags("Calendar feed")
            .RequireAuthorization(StaffPolicies.Diary);
        return app;
    }

    private static async Task<IResult> Feed(Guid id, string? key, CalendarFeeds feeds, CancellationToken ct) =>
        TypedResults.Text(await feeds.WriteAsync(id, key, ct), "text/calendar; charset=utf-8");

    private static async Task<Ok<CalendarKeyDto>> RotateKey(Guid id, ClaimsPrincipal user, CalendarFeeds feeds, CancellationToken ct) =>
        TypedResults.Ok(await feeds.RotateKeyAsync(id, user, ct));
}
