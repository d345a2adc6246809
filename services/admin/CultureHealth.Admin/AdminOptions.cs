using System.ComponentModel.DataAnnotations;

namespace CultureHealth.Admin;

public sealed class AdminOptions : IValidatableObject
{
    public const string Section = "Admin";

    /// <summary>The first admin, created on first start when no staff exist. Its password comes from configuration.</summary>
    public BootstrapAdmin? Bootstrap { get; set; }

    /// <summary>Base addresses of the services whose /manage APIs admin forwards to.</summary>
    [Required]
    public Dictionary<string, string> Services { get; set; } = [];

    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>However often it is refreshed, a session ends this long after its sign-in.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan AbsoluteSessionLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// A refresh token presented again this soon after it was rotated is a client racing itself (two tabs,
    /// two back-office replicas): refused, but not taken as theft. Later reuse revokes the whole session.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RefreshReuseGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long admin remembers an account's security stamp; a change on this replica forgets it at once.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan SecurityStampCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Accept a validly signed token whose subject is no staff account (and that carries no stamp). Only for test
    /// harnesses that mint tokens with their own key; never set in a deployment.
    /// </summary>
    public bool AcceptTokensForUnknownAccounts { get; set; }

    [Range(12, 128)]
    public int MinimumPasswordLength { get; set; } = 12;

    /// <summary>PBKDF2 (HMAC-SHA512) iterations: OWASP's 2023 guidance is 210,000. Older hashes are upgraded at sign-in.</summary>
    [Range(210_000, 10_000_000)]
    public int PasswordHashIterations { get; set; } = 210_000;

    [Required]
    public SignInBackOffOptions SignInBackOff { get; set; } = new();

    /// <summary>Sign-in and refresh attempts per client IP per minute at the service itself (the gateway limits too).</summary>
    [Range(1, 100_000)]
    public int SignInPermitsPerMinute { get; set; } = 30;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var nested = new List<ValidationResult>();
        Validator.TryValidateObject(SignInBackOff, new ValidationContext(SignInBackOff), nested, validateAllProperties: true);
        foreach (var result in nested)
        {
            yield return new ValidationResult($"Admin:SignInBackOff: {result.ErrorMessage}", result.MemberNames);
        }
    }
}

/// <summary>Failed sign-ins and password checks, counted per account (email) and per client address.</summary>
public sealed class SignInBackOffOptions
{
    [Range(1, 100)]
    public int AccountFreeFailures { get; set; } = 5;

    /// <summary>Higher than per account: a clinic's staff share one address.</summary>
    [Range(1, 10_000)]
    public int AddressFreeFailures { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Failures are forgotten after this long without a new one.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(1);
}

public sealed class BootstrapAdmin
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string Name { get; set; } = "Clinic Administrator";
}
