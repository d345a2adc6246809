using CultureHealth.Content.Application;
using CultureHealth.ServiceDefaults.Patients;

namespace CultureHealth.Content.Api;

public static class PatientDataEndpoints
{
    /// <summary>The caller's own data, by the address their patient token proves (never by an address in the request).</summary>
    public static IEndpointRouteBuilder MapPatientDataApi(this IEndpointRouteBuilder app)
    {
        app.MapPatientDataExport("/api/content/me/data",
            static (PatientData data, string email, CancellationToken ct) => data.ExportAsync(email, ct));
        return app;
    }
}
