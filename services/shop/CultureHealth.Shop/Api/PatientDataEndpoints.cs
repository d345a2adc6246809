using CultureHealth.ServiceDefaults.Patients;
using CultureHealth.Shop.Application.PatientData;

namespace CultureHealth.Shop.Api;

public static class PatientDataEndpoints
{
    /// <summary>The caller's own data, by the address their patient token proves (never by an address in the request).</summary>
    public static IEndpointRouteBuilder MapPatientDataApi(this IEndpointRouteBuilder app)
    {
        app.MapPatientDataExport("/api/shop/me/data",
            static (ShopPatientDataService data, string email, CancellationToken ct) => data.ExportAsync(email, ct));
        return app;
    }
}
