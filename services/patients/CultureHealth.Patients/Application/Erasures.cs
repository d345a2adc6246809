using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.Messaging.Erasure;
using CultureHealth.Patients.Data;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Patients.Application;

public sealed record ErasureStatus(Guid RequestId, DateTimeOffset RequestedAt, DateTimeOffset? CompletedAt, IReadOnlyList<string> ServicesDone)
{
    public string Status => CompletedAt is null ? "in-progress" : "completed";
}

/// <summary>
/// A patient's right to erasure (UK GDPR article 17), owned here: the request is recorded and announced
/// (<see cref="PatientErasureRequested"/>, through the outbox) in one transaction with the erasure of what this service
/// holds (the patient row and any live email proofs); each service's <see cref="PatientDataErased"/> is collected, and
/// when all of <see cref="PatientDataServices.All"/> have reported, <see cref="PatientErasureCompleted"/> tells
/// notifications to email the outcome and admin to audit it, and the sealed address is forgotten.
/// </summary>
public sealed partial class Erasures(PatientsDbContext db, EventSecrets secrets, TimeProvider clock, ILogger<Erasures> logger)
{
    /// <summary>Records (or, while one is open for the address, returns) the erasure request of <paramref name="email"/>.</summary>
    public async Task<ErasureStatus> RequestAsync(string email, CancellationToken ct)
    {
        var hash = SecretToken.HashOf(email);
        for (var attempt = 0; ; attempt++)
        {
            if (await OpenRequestAsync(hash, ct) is { } open)
            {
                return open;
            }
            try
            {
                return await StartAsync(email, hash, ct);
            }
            catch (DbUpdateException e) when (PostgresErrors.IsUniqueViolation(e) && attempt == 0)
            {
                // A second click (or tab) started one at the same moment: that one is this request.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>The latest request for the address, or null.</summary>
    public async Task<ErasureStatus?> LatestAsync(string email, CancellationToken ct)
    {
        var hash = SecretToken.HashOf(email);
        var latest = await db.ErasureRequests.AsNoTracking().Include(r => r.Reports)
            .Where(r => r.EmailHash == hash).OrderByDescending(r => r.RequestedAt).FirstOrDefaultAsync(ct);
        return latest is null ? null : StatusOf(latest);
    }

    /// <summary>Collects one service's report; completes the request when it is the last one. Runs in the caller's transaction.</summary>
    public async Task RecordReportAsync(PatientDataErased report, CancellationToken ct)
    {
        // The row lock orders concurrent reports, so exactly one of them sees the last one in and completes the request.
        // Reports are read by a later statement than the lock: under READ COMMITTED each statement sees what was
        // committed when it began, so only then does it see the reports of the transactions it waited for.
        await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM erasure_requests WHERE id = {report.RequestId} FOR UPDATE", ct);
        var request = await db.ErasureRequests.Include(r => r.Reports).SingleOrDefaultAsync(r => r.Id == report.RequestId, ct);
        if (request is null)
        {
            LogUnknownRequest(logger, report.RequestId, report.Service);
            return;
        }
        if (request.Reports.Any(r => r.Service == report.Service))
        {
            return; // a second report of the same service (a redelivered request it acted on again): the first counts
        }
        request.Reports.Add(new ErasureReport
        {
            RequestId = request.Id, Service = report.Service, RecordsErased = report.RecordsErased, ReportedAt = report.OccurredAt,
        });
        var done = request.Reports.Select(r => r.Service).ToHashSet(StringComparer.Ordinal);
        if (request.CompletedAt is not null || !PatientDataServices.All.All(done.Contains) || request.SealedEmail is null)
        {
            return;
        }

        var now = clock.GetUtcNow();
        request.CompletedAt = now;
        db.PublishOnCommit(new PatientErasureCompleted(
            Guid.NewGuid(), now, request.Id, request.SealedEmail, request.EmailHash, request.RequestedAt,
            request.Reports.OrderBy(r => r.Service, StringComparer.Ordinal)
                .Select(r => new ErasedServiceReport(r.Service, r.RecordsErased, r.ReportedAt)).ToList()), now);
        // The outcome email has its address in the (sealed) event now; this service keeps only the hash.
        request.SealedEmail = null;
        LogCompleted(logger, request.Id);
    }

    private async Task<ErasureStatus?> OpenRequestAsync(string hash, CancellationToken ct)
    {
        var open = await db.ErasureRequests.AsNoTracking().Include(r => r.Reports)
            .FirstOrDefaultAsync(r => r.EmailHash == hash && r.CompletedAt == null, ct);
        return open is null ? null : StatusOf(open);
    }

    private async Task<ErasureStatus> StartAsync(string email, string hash, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var sealedEmail = secrets.Seal(email);
        var request = new ErasureRequest { Id = Guid.CreateVersion7(), EmailHash = hash, SealedEmail = sealedEmail, RequestedAt = now };
        db.ErasureRequests.Add(request);
        db.PublishOnCommit(new PatientErasureRequested(Guid.NewGuid(), now, request.Id, sealedEmail, hash), now);
        await db.SaveChangesAsync(ct);
        // This service's own part: who the patient is (a new proof later makes a new, unrelated row) and live codes.
        await db.Patients.Where(p => p.Email == email).ExecuteDeleteAsync(ct);
        await db.EmailProofs.Where(p => p.Email == email).ExecuteDeleteAsync(ct);
        await SentEventsMentioning.ForgetAsync(db, email, ct);
        await tx.CommitAsync(ct);
        LogRequested(logger, request.Id);
        return StatusOf(request);
    }

    private static ErasureStatus StatusOf(ErasureRequest r) =>
        new(r.Id, r.RequestedAt, r.CompletedAt, r.Reports.Select(x => x.Service).Order(StringComparer.Ordinal).ToList());

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure request {RequestId} recorded and announced")]
    private static partial void LogRequested(ILogger logger, Guid requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure request {RequestId} completed: every service reported")]
    private static partial void LogCompleted(ILogger logger, Guid requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Service} reported erasure for unknown request {RequestId}; ignoring it")]
    private static partial void LogUnknownRequest(ILogger logger, Guid requestId, string service);
}
