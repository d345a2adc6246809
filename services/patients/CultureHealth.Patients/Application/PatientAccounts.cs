using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.Patients.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Patients.Application;

/// <summary>What a signed-in patient sees of themselves: the proven address, saved details and email preferences.</summary>
public sealed record PatientProfile(
    string Email, string? Name, string? Phone, bool MarketingConsent, DateTimeOffset? MarketingConsentChangedAt);

/// <summary>
/// A patient's own account, always found by the address their token proves (never by an id from a request).
/// The row exists from the first proof; a token whose row is gone (erased) gets it back empty on a write.
/// </summary>
public sealed partial class PatientAccounts(PatientsDbContext db, TimeProvider clock, ILogger<PatientAccounts> logger)
{
    public async Task<PatientProfile> ProfileAsync(string verifiedEmail, CancellationToken ct)
    {
        var patient = await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Email == verifiedEmail, ct);
        return patient is null ? new PatientProfile(verifiedEmail, null, null, false, null) : ToProfile(patient);
    }

    /// <summary>Name and phone as the patient wants them saved; empty clears.</summary>
    public async Task<PatientProfile> SaveDetailsAsync(Guid patientId, string verifiedEmail, string? name, string? phone, CancellationToken ct)
    {
        var patient = await FindOrCreateAsync(patientId, verifiedEmail, ct);
        patient.Name = name;
        patient.Phone = phone;
        await db.SaveChangesAsync(ct);
        return ToProfile(patient);
    }

    /// <summary>
    /// Gives or withdraws marketing consent, recording when, and tells the services that send email
    /// (PatientPreferencesChanged, in the same transaction). Saying the same thing again changes nothing and publishes nothing.
    /// </summary>
    public async Task<PatientProfile> SetMarketingConsentAsync(Guid patientId, string verifiedEmail, bool consent, CancellationToken ct)
    {
        // PostgreSQL keeps microseconds: the answer, the row and the event say the same instant.
        var now = clock.GetUtcNow();
        now = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Two tabs changing preferences at once: one after the other, each publishing what it stored.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM patients WHERE email = {verifiedEmail} FOR UPDATE", ct);
        var patient = await FindOrCreateAsync(patientId, verifiedEmail, ct);
        if (patient.MarketingConsent == consent && patient.MarketingConsentChangedAt is not null)
        {
            return ToProfile(patient);
        }
        patient.MarketingConsent = consent;
        patient.MarketingConsentChangedAt = now;
        db.PublishOnCommit(new PatientPreferencesChanged(Guid.NewGuid(), now, patient.Id, patient.Email, consent, now), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        LogConsentChanged(logger, patient.Id, consent);
        return ToProfile(patient);
    }

    private async Task<Patient> FindOrCreateAsync(Guid patientId, string verifiedEmail, CancellationToken ct)
    {
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Email == verifiedEmail, ct);
        if (patient is not null)
        {
            return patient;
        }
        var now = clock.GetUtcNow();
        // The token proves the address; its subject is the id this address was given at its proof.
        patient = new Patient { Id = patientId, Email = verifiedEmail, CreatedAt = now, LastVerifiedAt = now };
        db.Patients.Add(patient);
        return patient;
    }

    private static PatientProfile ToProfile(Patient p) => new(p.Email, p.Name, p.Phone, p.MarketingConsent, p.MarketingConsentChangedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Patient {PatientId} set marketing consent to {Consent}")]
    private static partial void LogConsentChanged(ILogger logger, Guid patientId, bool consent);
}
