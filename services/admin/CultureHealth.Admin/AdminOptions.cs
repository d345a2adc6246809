using System.ComponentModel.DataAnnotations;

namespace CultureHealth.Admin;

public sealed class AdminOptions
{
    public const string Section = "Admin";

    /// <summary>The first admin, created on first start when no staff exist. Its password comes from configuration.</summary>
    public BootstrapAdmin? Bootstrap { get; set; }

    /// <summary>Base addresses of the services whose /manage APIs admin forwards to.</summary>
    [Required]
    public Dictionary<string, string> Services { get; set; } = [];

    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    [Range(8, 128)]
    public int MinimumPasswordLength { get; set; } = 12;

    /// <summary>Sign-in and refresh attempts per client IP per minute at the service itself (the gateway limits too).</summary>
    [Range(1, 100_000)]
    public int SignInPermitsPerMinute { get; set; } = 30;
}

public sealed class BootstrapAdmin
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string Name { get; set; } = "Clinic Administrator";
}
