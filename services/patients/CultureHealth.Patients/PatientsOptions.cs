using System.ComponentModel.DataAnnotations;

namespace CultureHealth.Patients;

/// <summary>How email proofs and patient access tokens behave ("Patients" section); validated at start-up.</summary>
public sealed class PatientsOptions
{
    public const string Section = "Patients";

    /// <summary>How long an emailed code (and its link) works.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan ProofLifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Tries a code allows, right or wrong; a six-digit code survives five guesses with odds of 1 in 200,000.</summary>
    [Range(1, 10)]
    public int MaxAttemptsPerProof { get; set; } = 5;

    /// <summary>The fixed window in which proof requests are counted per email address and per client address.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RequestWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Proof requests one email address may receive per window (a typo, a slow inbox, a second device).</summary>
    [Range(1, 100)]
    public int MaxRequestsPerEmail { get; set; } = 3;

    /// <summary>Proof requests one client address may make per window (a clinic's shared wifi makes several).</summary>
    [Range(1, 10_000)]
    public int MaxRequestsPerClientAddress { get; set; } = 20;

    /// <summary>How often used and expired proofs and old request counters are deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "1.00:00:00")]
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a finished proof is kept (for support questions) before the clean-up deletes it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan KeepFinishedProofsFor { get; set; } = TimeSpan.FromDays(1);
}
