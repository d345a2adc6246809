using System.Security.Claims;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Domain;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Booking.Api;

/// <summary><c>restoreCredit</c> overrides the default (restore only when cancelled in time).</summary>
public sealed record StaffCancelRequest(bool? RestoreCredit);

public sealed record StaffRescheduleRequest(string? Start);

/// <summary>The reception desk's and practitioners' day list and outcomes.</summary>
public static class StaffBookingEndpoints
{
    public static IEndpointRouteBuilder MapStaffBookingEndpoints(this IEndpointRouteBuilder app)
    {
        var staff = app.MapGroup("/manage/booking/bookings").WithTags("Bookings (staff)").RequireAuthorization(StaffPolicies.Diary);
        staff.MapGet("/", DayList);
        staff.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, StaffBookingCommands staffCommands, BookingQueries queries, CancellationToken ct) =>
        {
            await staffCommands.RequireAsync(id, user, ct);
            return TypedResults.Ok(await queries.ViewAsync(id, ct));
        });
        staff.MapPost("/{id:guid}/complete", (Guid id, ClaimsPrincipal user, StaffBookingCommands commands, CancellationToken ct) =>
            RecordOutcome(id, BookingStatus.Completed, user, commands, ct));
        staff.MapPost("/{id:guid}/no-show", (Guid id, ClaimsPrincipal user, StaffBookingCommands commands, CancellationToken ct) =>
            RecordOutcome(id, BookingStatus.NoShow, user, commands, ct));
        staff.MapPost("/{id:guid}/cancel", Cancel);
        staff.MapPost("/{id:guid}/reschedule", Reschedule);
        return app;
    }

    /// <summary>
    /// A clinic day's bookings (all statuses), or <c>days</c> days from it (a week view asks for 7), optionally for one
    /// practitioner; a practitioner sees only their own.
    /// </summary>
    private static async Task<Results<Ok<List<BookingDto>>, ValidationProblem>> DayList(
        string? date, int? days, Guid? practitionerId, ClaimsPrincipal user, StaffDiary diary, CancellationToken ct)
    {
        if (DiaryDaysParsing.TryParse(date, days, out var day) is { } invalid)
        {
            return invalid;
        }

        return TypedResults.Ok(await diary.BookingsAsync(user, practitionerId, day, days ?? 1, ct));
    }

    private static async Task<Ok<BookingDto>> RecordOutcome(
        Guid id, BookingStatus outcome, ClaimsPrincipal user, StaffBookingCommands commands, CancellationToken ct) =>
        TypedResults.Ok(await commands.RecordOutcomeAsync(id, outcome, user, ct));

    private static async Task<Ok<BookingDto>> Cancel(
        Guid id, StaffCancelRequest? body, ClaimsPrincipal user, StaffBookingCommands staff, BookingChanges changes, CancellationToken ct)
    {
        var booking = await staff.RequireAsync(id, user, ct);
        return TypedResults.Ok(await changes.CancelAsync(booking, CancellationRequester.Staff, body?.RestoreCredit, ct));
    }

    private static async Task<Results<Ok<BookingDto>, ValidationProblem>> Reschedule(
        Guid id, StaffRescheduleRequest? body, ClaimsPrincipal user, StaffBookingCommands staff, BookingChanges changes, CancellationToken ct)
    {
        var booking = await staff.RequireAsync(id, user, ct);
        if (!ClinicTimeText.TryParseInstant(body?.Start, out var start))
        {
            return new RequestValidator().Add("start", "Required: an ISO 8601 date and time with an offset.").Problem();
        }

        return TypedResults.Ok(await changes.RescheduleAsync(booking, start, CancellationRequester.Staff, ct));
    }
}
