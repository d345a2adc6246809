using CultureHealth.Patients.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Patients.Application;

public sealed record PatientAccountData(
    DateTimeOffset CreatedAt, DateTimeOffset LastVerifiedAt, string? Name, string? Phone, bool MarketingConsent, DateTimeOffset? MarketingConsentChangedAt);

/// <summary>What the patients service holds about one address (UK GDPR right of access).</summary>
public sealed record PatientsPatientData(string Email, PatientAccountData? Account, IReadOnlyList<ErasureStatus> ErasureRequests);

public sealed class PatientDataExport(PatientsDbContext db, Erasures erasures)
{
    public async Task<PatientsPatientData> ExportAsync(string email, CancellationToken ct)
    {
        var account = await db.Patients.AsNoTracking().Where(p => p.Email == email)
            .Select(p => new PatientAccountData(p.CreatedAt, p.LastVerifiedAt, p.Name, p.Phone, p.MarketingConsent, p.MarketingConsentChangedAt)).FirstOrDefaultAsync(ct);
        var latest = await erasures.LatestAsync(email, ct);
        return new PatientsPatientData(email, account, latest is null ? [] : [latest]);
    }
}
