using CultureHealth.Booking.Application;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Booking.Api;

public static class PractitionerEndpoints
{
    public static IEndpointRouteBuilder MapPractitionerApi(this IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup("/api/booking/practitioners").WithTags("Practitioners");
        pub.MapGet("/", ListActive);
        pub.MapGet("/{id:guid}", GetOne);

        // The diary's columns for staff: every practitioner, inactive ones included (their bookings still show).
        app.MapGet("/manage/booking/practitioners", async (PractitionerDirectory practitioners, CancellationToken ct) =>
                TypedResults.Ok(await practitioners.ListAsync(activeOnly: false, ct)))
            .WithTags("Practitioners (staff)").RequireAuthorization(StaffPolicies.Diary);

        // Staff management; the admin service calls these with the staff member's token.
        var manage = app.MapGroup("/manage/booking/practitioners").WithTags("Practitioners (staff)")
            .RequireAuthorization(StaffPolicies.Admin);
        manage.MapPut("/{id:guid}", Upsert);
        return app;
    }

    private static async Task<Ok<List<PractitionerDto>>> ListActive(PractitionerDirectory practitioners, CancellationToken ct) =>
        TypedResults.Ok(await practitioners.ListAsync(activeOnly: true, ct));

    private static async Task<Results<Ok<PractitionerDto>, NotFound>> GetOne(Guid id, PractitionerDirectory practitioners, CancellationToken ct) =>
        await practitioners.FindActiveAsync(id, ct) is { } p
            ? TypedResults.Ok(p)
            : TypedResults.NotFound();

    private static async Task<Results<Ok<PractitionerDto>, Created<PractitionerDto>, ValidationProblem>> Upsert(
        Guid id, PractitionerUpsert body, PractitionerDirectory practitioners, CancellationToken ct)
    {
        var v = new RequestValidator()
            .Required("name", body.Name, 120)
            .Required("title", body.Title, 160)
            .Optional("bio", body.Bio, 4000)
            .Optional("photoUrl", body.PhotoUrl, 500);
        if (body.PhotoUrl is not null && !Uri.TryCreate(body.PhotoUrl, UriKind.Absolute, out var photo) | photo?.Scheme is not ("https" or "http"))
        {
            v.Add("photoUrl", "Must be an absolute http(s) URL.");
        }
        if (v.Failed)
        {
            return v.Problem();
        }

        var (practitioner, created) = await practitioners.UpsertAsync(id, body, ct);
        return created ? TypedResults.Created($"/api/booking/practitioners/{id}", practitioner) : TypedResults.Ok(practitioner);
    }
}
