using CultureHealth.Messaging;
using CultureHealth.Messaging.Data;
using CultureHealth.Patients.Api;
using CultureHealth.Patients.Application;
using CultureHealth.Patients.Data;
using CultureHealth.Patients.Messaging;
using CultureHealth.Patients.Telemetry;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.ServiceDefaults.Options;
using CultureHealth.ServiceDefaults.Patients;
using CultureHealth.ServiceDefaults.Secrets;

namespace CultureHealth.Patients;

public static class PatientsServiceExtensions
{
    /// <summary>Patient identity: email proofs, patient tokens, and the patient's own details and email preferences.</summary>
    public static IHostApplicationBuilder AddPatients(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<PatientsOptions>(PatientsOptions.Section);
        builder.AddServiceDatabase<PatientsDbContext>("patients");
        builder.AddServiceMessaging<PatientsDbContext>("patients", bus => bus.AddConsumer<PatientDataErasedConsumer>());
        builder.AddEventSecrets();
        if (!builder.Configuration.GetValue<bool>("Database:MigrateAndExit"))
        {
            // Only this service holds the private keys; the others verify with its JWKS (see AddPatientAuthentication).
            // A migration job signs nothing and is not given the private key.
            builder.AddSigningKeyRing(PatientTokens.Section, PatientTokens.Defaults);
            // Its own tokens open the patient's "me" endpoints; it verifies them with the public halves of its keys.
            builder.AddPatientAuthentication();
        }
        builder.Services.AddSingleton<PatientTokenIssuer>();
        builder.Services.AddSingleton<PatientsMetrics>();
        builder.Services.AddScoped<RequestLimits>();
        builder.Services.AddScoped<EmailProofs>();
        builder.Services.AddScoped<Erasures>();
        builder.Services.AddScoped<PatientDataExport>();
        builder.Services.AddScoped<PatientAccounts>();
        builder.Services.AddHostedService<ProofCleanup>();
        return builder;
    }

    public static WebApplication MapPatientsApi(this WebApplication app)
    {
        app.MapEmailProofEndpoints();
        app.MapPatientDataEndpoints();
        app.MapPatientAccountEndpoints();
        app.MapJwks(PatientTokens.Section);
        return app;
    }
}
