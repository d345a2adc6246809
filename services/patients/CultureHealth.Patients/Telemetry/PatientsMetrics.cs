using System.Diagnostics.Metrics;
using CultureHealth.ServiceDefaults.Telemetry;

namespace CultureHealth.Patients.Telemetry;

/// <summary>Email proofs as numbers: how many codes go out, how many are refused by the limits, how many work.</summary>
public sealed class PatientsMetrics(IMeterFactory meters)
{
    public const string MeterName = "CultureHealth.Patients";

    private readonly Counter<long> _requested = meters.CreateCounter(MeterName, "culturehealth.patients.email_proofs.requested", "{request}", "Email proof requests, by whether a limit refused them");
    private readonly Counter<long> _verified = meters.CreateCounter(MeterName, "culturehealth.patients.email_proofs.verified", "{attempt}", "Codes presented, by whether they proved the address");

    /// <param name="limited">Refused by the per-address or per-client limit: a rise points at someone probing or flooding.</param>
    public void ProofRequested(bool limited) =>
        _requested.Add(1, new KeyValuePair<string, object?>("culturehealth.patients.limited", limited));

    public void ProofVerified(bool success) =>
        _verified.Add(1, new KeyValuePair<string, object?>("culturehealth.patients.verified", success));
}
