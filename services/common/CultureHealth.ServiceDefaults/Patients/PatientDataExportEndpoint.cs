using System.Security.Claims;
using CultureHealth.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CultureHealth.ServiceDefaults.Patients;

/// <summary>
/// Every service's "their data" download (UK GDPR), mapped the same way everywhere: a GET for a valid patient token,
/// never cached, answering with what the service holds about the address the token proves (never an address from
/// the request).
/// </summary>
public static class PatientDataExportEndpoint
{
    /// <summary>
    /// Maps <paramref name="pattern"/> (the service's <c>/api/{service}/me/data</c>) to <paramref name="export"/>, which
    /// gets the service's export (resolved per request) and the caller's proven, normalized address.
    /// </summary>
    public static RouteHandlerBuilder MapPatientDataExport<TExport, TData>(
        this IEndpointRouteBuilder app, string pattern, Func<TExport, string, CancellationToken, Task<TData>> export)
        where TExport : notnull
    {
        ArgumentNullException.ThrowIfNull(export);
        return app.MapGet(pattern, async Task<Ok<TData>> (ClaimsPrincipal user, TExport service, CancellationToken ct) =>
                TypedResults.Ok(await export(service, user.VerifiedEmail()!, ct)))
            .WithTags("Patient data").WithNoStore().RequireAuthorization(PatientPolicies.Patient);
    }
}
