using System.Security.Claims;
using CultureHealth.Booking.Application;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Booking.Api;

/// <summary>The waitlist as the reception desk and practitioners read it (through admin, which audits the read).</summary>
public static class StaffWaitlistEndpoints
{
    public static IEndpointRouteBuilder MapStaffWaitlistEndpoints(this IEndpointRouteBuilder app)
    {
        // Patients' names and contact details: never cached on the way.
        app.MapGet("/manage/booking/waitlist", Waiting).WithTags("Waitlist (staff)").WithNoStore().RequireAuthorization(StaffPolicies.Diary);
        return app;
    }

    /// <summary>
    /// Waiting entries in join order with their live offer, optionally of one appointment type or for one practitioner
    /// (entries asking for them or for any practitioner of a type they offer); a practitioner sees only their own.
    /// </summary>
    private static async Task<Ok<List<StaffWaitlistEntryDto>>> Waiting(
        Guid? appointmentTypeId, Guid? practitionerId, ClaimsPrincipal user, StaffWaitlist waitlist, CancellationToken ct) =>
        TypedResults.Ok(await waitlist.WaitingAsync(user, appointmentTypeId, practitionerId, ct));
}
