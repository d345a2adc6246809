using CultureHealth.Booking.Application.PatientData;
using CultureHealth.ServiceDefaults.Patients;

namespace CultureHealth.Booking.Api;

public static class PatientDataEndpoints
{
    /// <summary>The caller's own data, by the address their patient token proves (never by an address in the request).</summary>
    public static IEndpointRouteBuilder MapPatientDataApi(this IEndpointRouteBuilder app)
    {
        app.MapPatientDataExport("/api/booking/me/data",
            static (BookingPatientDataService data, string email, CancellationToken ct) => data.ExportAsync(email, ct));
        return app;
    }
}
