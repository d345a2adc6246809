using System.ComponentModel.DataAnnotations;
using CultureHealth.ServiceDefaults.Secrets;

namespace CultureHealth.BackOffice;

public sealed class BackOfficeOptions : IValidatableObject
{
    public const string Section = "BackOffice";

    /// <summary>
    /// Admin's internal address (not the public gateway: its per-IP sign-in limit would see every member of
    /// staff as one client, the back office). Admin learns the browser's address from X-Forwarded-For.
    /// </summary>
    [Required]
    public string AdminUrl { get; set; } = "";

    /// <summary>Base64 of 32 random bytes: seals the staff tokens kept in the session table (AES-256-GCM).</summary>
    [Required]
    public string SessionKey { get; set; } = "";

    /// <summary>A session nobody used for this long ends.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "08:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>No session outlives this, however busy (the refresh token's own lifetime may end it sooner).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "7.00:00:00")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    [Range(10, 3600)]
    public int DashboardRefreshSeconds { get; set; } = 60;

    public byte[] SessionKeyBytes() => Convert.FromBase64String(SessionKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var buffer = new byte[SecretBox.KeyBytes + 3];
        if (!Convert.TryFromBase64String(SessionKey, buffer, out var written) || written != SecretBox.KeyBytes)
        {
            yield return new ValidationResult($"BackOffice:SessionKey must be base64 of exactly {SecretBox.KeyBytes} random bytes.", [nameof(SessionKey)]);
        }
        if (!Uri.TryCreate(AdminUrl, UriKind.Absolute, out var admin) || admin.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("BackOffice:AdminUrl must be admin's absolute http(s) address.", [nameof(AdminUrl)]);
        }
    }
}
