using Microsoft.Extensions.Options;

namespace CultureHealth.ServiceDefaults.Auth;

/// <summary>
/// Staff token settings, from configuration section "StaffAuth". Several keys may be listed so
/// keys can rotate: tokens carry the key id (kid); the active key signs, all listed keys verify.
/// </summary>
public sealed class StaffTokenOptions
{
    public const string Section = "StaffAuth";

    public string Issuer { get; set; } = "culturehealth-admin";
    public string Audience { get; set; } = "culturehealth";
    public List<SigningKeyOptions> SigningKeys { get; set; } = [];
    /// <summary>Which key signs new tokens; defaults to the first listed.</summary>
    public string? ActiveKeyId { get; set; }
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
}

public sealed class SigningKeyOptions
{
    public string Id { get; set; } = "";
    /// <summary>HMAC-SHA256 secret, at least 32 characters. Comes from configuration or a secret store, never from code.</summary>
    public string Secret { get; set; } = "";
}

internal sealed class StaffTokenOptionsValidator : IValidateOptions<StaffTokenOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffTokenOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Issuer)) failures.Add("StaffAuth:Issuer is required.");
        if (string.IsNullOrWhiteSpace(options.Audience)) failures.Add("StaffAuth:Audience is required.");
        if (options.SigningKeys.Count == 0) failures.Add("StaffAuth:SigningKeys needs at least one key (Id and Secret).");
        foreach (var key in options.SigningKeys)
        {
            if (string.IsNullOrWhiteSpace(key.Id)) failures.Add("Every StaffAuth:SigningKeys entry needs an Id.");
            if (key.Secret.Length < 32) failures.Add($"StaffAuth signing key '{key.Id}' must be at least 32 characters.");
        }
        if (options.ActiveKeyId is not null && options.SigningKeys.All(k => k.Id != options.ActiveKeyId))
        {
            failures.Add($"StaffAuth:ActiveKeyId '{options.ActiveKeyId}' is not among the signing keys.");
        }
        if (options.AccessTokenLifetime <= TimeSpan.Zero) failures.Add("StaffAuth:AccessTokenLifetime must be positive.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
