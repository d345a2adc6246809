using System.Security.Claims;
using CultureHealth.Patients.Application;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Patients;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Patients.Api;

/// <summary>A signed-in patient's own data and their erasure request, by the address their token proves.</summary>
public static class PatientDataEndpoints
{
    public static IEndpointRouteBuilder MapPatientDataEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPatientDataExport("/api/patients/me/data",
            static (PatientDataExport export, string email, CancellationToken ct) => export.ExportAsync(email, ct));
        var me = app.MapGroup("/api/patients/me").WithTags("Patient data").WithNoStore().RequireAuthorization(PatientPolicies.Patient);
        me.MapPost("/erasure", RequestErasure);
        me.MapGet("/erasure", ErasureState);
        return app;
    }

    /// <summary>202 with the request (the same one again while it is in progress); the outcome is emailed.</summary>
    private static async Task<Accepted<ErasureStatus>> RequestErasure(ClaimsPrincipal user, Erasures erasures, CancellationToken ct) =>
        TypedResults.Accepted("/api/patients/me/erasure", await erasures.RequestAsync(user.VerifiedEmail()!, ct));

    private static async Task<Results<Ok<ErasureStatus>, NotFound>> ErasureState(ClaimsPrincipal user, Erasures erasures, CancellationToken ct) =>
        await erasures.LatestAsync(user.VerifiedEmail()!, ct) is { } status ? TypedResults.Ok(status) : TypedResults.NotFound();
}
