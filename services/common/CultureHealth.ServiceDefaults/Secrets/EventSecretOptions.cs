using Microsoft.Extensions.Options;

namespace CultureHealth.ServiceDefaults.Secrets;

/// <summary>
/// Keys that seal bearer secrets (manage tokens, voucher codes, one-time codes) inside integration events,
/// from configuration section "EventSecrets". Only a producer of such a field and its reader (notifications)
/// are given the keys. Several keys may be listed so they can rotate: the active one seals, all listed open.
/// </summary>
public sealed class EventSecretOptions
{
    public const string Section = "EventSecrets";

    /// <summary>Key id → base64 of 32 random bytes. From configuration or a secret store, never from code.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];

    /// <summary>Which key seals new values; defaults to the only key when there is one.</summary>
    public string? ActiveKeyId { get; set; }
}

internal sealed class EventSecretOptionsValidator : IValidateOptions<EventSecretOptions>
{
    public ValidateOptionsResult Validate(string? name, EventSecretOptions options)
    {
        var failures = new List<string>();
        if (options.Keys.Count == 0)
        {
            failures.Add("EventSecrets:Keys needs at least one key (id = base64 of 32 random bytes).");
        }
        foreach (var (id, key) in options.Keys)
        {
            if (id.Contains('.', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(id))
            {
                failures.Add($"EventSecrets key id '{id}' must be non-empty and contain no '.'.");
            }
            if (!IsKey(key))
            {
                failures.Add($"EventSecrets key '{id}' must be base64 of exactly {SecretBox.KeyBytes} bytes.");
            }
        }
        if (options.ActiveKeyId is null && options.Keys.Count > 1)
        {
            failures.Add("EventSecrets:ActiveKeyId is required when several keys are listed.");
        }
        if (options.ActiveKeyId is not null && !options.Keys.ContainsKey(options.ActiveKeyId))
        {
            failures.Add($"EventSecrets:ActiveKeyId '{options.ActiveKeyId}' is not among the keys.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsKey(string value)
    {
        var buffer = new byte[SecretBox.KeyBytes + 3];
        return Convert.TryFromBase64String(value, buffer, out var written) && written == SecretBox.KeyBytes;
    }
}
