using CultureHealth.Contracts;
using CultureHealth.Messaging.Data;
using CultureHealth.Patients.Data;
using CultureHealth.Patients.Domain;
using CultureHealth.Patients.Telemetry;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Patients.Application;

public sealed record PatientAccess(string AccessToken, DateTimeOffset ExpiresAt, string Email);

/// <summary>
/// Proving an email address: a code is emailed, the code comes back, a patient access token goes out.
/// Nothing here depends on whether an address is known, so neither answers nor timings enumerate patients.
/// </summary>
public sealed partial class EmailProofs(
    PatientsDbContext db,
    RequestLimits limits,
    EventSecrets secrets,
    PatientTokenIssuer tokens,
    IOptions<PatientsOptions> options,
    TimeProvider clock,
    PatientsMetrics metrics,
    ILogger<EmailProofs> logger)
{
    private PatientsOptions Options => options.Value;

    /// <summary>Counts the request against the client's and the address's limits, then stores the code's hash and emails the code.</summary>
    public async Task RequestAsync(string email, string? returnPath, string clientAddress, CancellationToken ct)
    {
        var normalized = EmailAddress.Normalize(email);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var wait = await limits.CountAsync(RequestLimits.ClientBucket(clientAddress), Options.MaxRequestsPerClientAddress, now, ct)
            ?? await limits.CountAsync(RequestLimits.EmailBucket(normalized), Options.MaxRequestsPerEmail, now, ct);
        if (wait is { } retryAfter)
        {
            // The transaction rolls back, so a refused request never counts: the limit is exactly the limit.
            metrics.ProofRequested(limited: true);
            throw PatientProblems.TooManyRequests(retryAfter);
        }

        var code = ProofCode.Generate();
        var proofId = Guid.CreateVersion7();
        var proof = new EmailProof
        {
            Id = proofId,
            Email = normalized,
            CodeHash = ProofCode.Hash(proofId, code),
            CreatedAt = now,
            ExpiresAt = now + Options.ProofLifetime,
        };
        db.EmailProofs.Add(proof);
        db.PublishOnCommit(new EmailProofRequested(
            Guid.NewGuid(), now, proof.Id, normalized, secrets.Seal(code), proof.ExpiresAt, returnPath), now);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        metrics.ProofRequested(limited: false);
        LogRequested(logger, proof.Id);
    }

    /// <summary>
    /// Every try counts against every live proof of the address (committed at once, right or wrong), so
    /// asking for several codes does not multiply the guesses. A right code is used once; its siblings die with it.
    /// </summary>
    public async Task<PatientAccess> VerifyAsync(string email, string code, CancellationToken ct)
    {
        var normalized = EmailAddress.Normalize(email);
        var now = clock.GetUtcNow();
        var live = await db.Database.SqlQuery<LiveProof>($"""
            UPDATE email_proofs SET attempts = attempts + 1
            WHERE email = {normalized} AND used_at IS NULL AND expires_at > {now} AND attempts < {Options.MaxAttemptsPerProof}
            RETURNING id, code_hash
            """).ToListAsync(ct);
        // Every live proof is compared, so timing does not tell how many there were or which one matched.
        var matched = live.Aggregate((Guid?)null, (found, p) => ProofCode.Matches(p.Id, code, p.CodeHash) ? p.Id : found);
        if (matched is not { } proofId)
        {
            metrics.ProofVerified(success: false);
            throw PatientProblems.CodeRefused();
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Two tabs submitting the same right code: one wins this update, the other is refused like a used code.
        var won = await db.EmailProofs
            .Where(p => p.Id == proofId && p.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UsedAt, now), ct) == 1;
        if (!won)
        {
            metrics.ProofVerified(success: false);
            throw PatientProblems.CodeRefused();
        }

        await db.EmailProofs
            .Where(p => p.Email == normalized && p.UsedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.UsedAt, now), ct);
        var patientId = await UpsertPatientAsync(normalized, now, ct);
        await tx.CommitAsync(ct);

        var token = tokens.Issue(patientId, normalized);
        metrics.ProofVerified(success: true);
        LogVerified(logger, proofId, patientId);
        return new PatientAccess(token.Token, token.ExpiresAt, normalized);
    }

    /// <summary>The patient's stable id: made on the first proof of the address, kept ever after.</summary>
    private async Task<Guid> UpsertPatientAsync(string normalizedEmail, DateTimeOffset now, CancellationToken ct)
    {
        var ids = await db.Database.SqlQuery<Guid>($"""
            INSERT INTO patients (id, email, created_at, last_verified_at) VALUES ({Guid.CreateVersion7()}, {normalizedEmail}, {now}, {now})
            ON CONFLICT (email) DO UPDATE SET last_verified_at = EXCLUDED.last_verified_at
            RETURNING id AS "Value"
            """).ToListAsync(ct);
        return ids[0];
    }

    /// <summary>A row of the attempt-counting UPDATE … RETURNING.</summary>
    internal sealed class LiveProof
    {
        public Guid Id { get; init; }
        public string CodeHash { get; init; } = "";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email proof {ProofId} requested")]
    private static partial void LogRequested(ILogger logger, Guid proofId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email proof {ProofId} verified for patient {PatientId}")]
    private static partial void LogVerified(ILogger logger, Guid proofId, Guid patientId);
}
