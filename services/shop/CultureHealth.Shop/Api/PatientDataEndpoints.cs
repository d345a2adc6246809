using System.Security.Claims;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Patients;
using CultureHealth.Shop.Application.PatientData;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Shop.Api;

public static class PatientDataEndpoints
{
    /// <summary>The caller's own data, by the address their patient token proves (never by an address in the request).</summary>
    public static IEndpointRouteBuilder MapPatientDataApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/shop/me/data", Export).WithTags("Patient data").WithNoStore().RequireAuthorization(PatientPolicies.Patient);
        return app;
    }

    private static async Task<Ok<ShopPatientData>> Export(ClaimsPrincipal user, ShopPatientDataService data, CancellationToken ct) =>
        TypedResults.Ok(await data.ExportAsync(user.VerifiedEmail()!, ct));
}
