using CultureHealth.Booking.Data;
using CultureHealth.Booking.Domain;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Booking.Api;

public sealed record PractitionerDto(Guid Id, string Name, string Title, IReadOnlyList<string> Specialisms, string? Bio, string? PhotoUrl, bool Active);

public sealed record PractitionerUpsert(string? Name, string? Title, List<string>? Specialisms, string? Bio, string? PhotoUrl, bool? Active);

public static class PractitionerEndpoints
{
    public static IEndpointRouteBuilder MapPractitionerApi(this IEndpointRouteBuilder app)
    {
        var pub = app.MapGroup("/api/booking/practitioners").WithTags("Practitioners");
        pub.MapGet("/", ListActive);
        pub.MapGet("/{id:guid}", GetOne);

        // The diary's columns for staff: every practitioner, inactive ones included (their bookings still show).
        app.MapGet("/manage/booking/practitioners", async (BookingDbContext db, CancellationToken ct) =>
                TypedResults.Ok(await db.Practitioners.AsNoTracking().OrderBy(p => p.Name).Select(p => ToDto(p)).ToListAsync(ct)))
            .WithTags("Practitioners (staff)").RequireAuthorization(StaffPolicies.Diary);

        // Staff management; the admin service calls these with the staff member's token.
        var manage = app.MapGroup("/manage/booking/practitioners").WithTags("Practitioners (staff)")
            .RequireAuthorization(StaffPolicies.Admin);
        manage.MapPut("/{id:guid}", Upsert);
        return app;
    }

    private static async Task<Ok<List<PractitionerDto>>> ListActive(BookingDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await db.Practitioners.AsNoTracking().Where(p => p.Active).OrderBy(p => p.Name)
            .Select(p => ToDto(p)).ToListAsync(ct));

    private static async Task<Results<Ok<PractitionerDto>, NotFound>> GetOne(Guid id, BookingDbContext db, CancellationToken ct) =>
        await db.Practitioners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id && p.Active, ct) is { } p
            ? TypedResults.Ok(ToDto(p))
            : TypedResults.NotFound();

    private static async Task<Results<Ok<PractitionerDto>, Created<PractitionerDto>, ValidationProblem>> Upsert(
        Guid id, PractitionerUpsert body, BookingDbContext db, TimeProvider clock, CancellationToken ct)
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

        var now = clock.GetUtcNow();
        var practitioner = await db.Practitioners.FirstOrDefaultAsync(p => p.Id == id, ct);
        var created = practitioner is null;
        if (practitioner is null)
        {
            practitioner = new Practitioner { Id = id };
            db.Practitioners.Add(practitioner);
        }
        practitioner.Name = body.Name!.Trim();
        practitioner.Title = body.Title!.Trim();
        practitioner.Specialisms = body.Specialisms ?? practitioner.Specialisms;
        practitioner.Bio = body.Bio;
        practitioner.PhotoUrl = body.PhotoUrl;
        practitioner.Active = body.Active ?? practitioner.Active;
        practitioner.UpdatedAt = now;

        db.PublishOnCommit(new PractitionerProfileChanged(
            Guid.NewGuid(), now, practitioner.Id, practitioner.Name, practitioner.Title, practitioner.Bio, practitioner.PhotoUrl, practitioner.Active), now);
        await db.SaveChangesAsync(ct);

        var dto = ToDto(practitioner);
        return created ? TypedResults.Created($"/api/booking/practitioners/{id}", dto) : TypedResults.Ok(dto);
    }

    private static PractitionerDto ToDto(Practitioner p) => new(p.Id, p.Name, p.Title, p.Specialisms, p.Bio, p.PhotoUrl, p.Active);
}
