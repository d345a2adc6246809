using System.Buffers.Text;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CultureHealth.ServiceDefaults.Secrets;

/// <summary>
/// Seals a bearer secret for an integration event field, so the outbox table, the broker and its
/// <c>_error</c> queues never hold it in clear. A sealed value reads <c>keyId.base64url(nonce|cipher|tag)</c>;
/// the key id lets keys rotate while events sealed under the old key are still in flight.
/// </summary>
public sealed class EventSecrets
{
    private readonly Dictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;

    public EventSecrets(IOptions<EventSecretOptions> options)
    {
        var o = options.Value;
        _keys = o.Keys.ToDictionary(k => k.Key, k => Convert.FromBase64String(k.Value), StringComparer.Ordinal);
        _activeKeyId = o.ActiveKeyId ?? o.Keys.Keys.Single();
    }

    public string Seal(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var sealedBytes = SecretBox.Seal(_keys[_activeKeyId], Encoding.UTF8.GetBytes(secret));
        return _activeKeyId + "." + Base64Url.EncodeToString(sealedBytes);
    }

    /// <summary>The secret, or null when the value is malformed, altered or sealed under a key this process lacks.</summary>
    public string? Open(string? sealedValue)
    {
        var dot = sealedValue?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0 || !_keys.TryGetValue(sealedValue![..dot], out var key))
        {
            return null;
        }
        byte[] sealedBytes;
        try
        {
            sealedBytes = Base64Url.DecodeFromChars(sealedValue.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return null;
        }
        var plain = SecretBox.Open(key, sealedBytes);
        return plain is null ? null : Encoding.UTF8.GetString(plain);
    }
}

public static class EventSecretsExtensions
{
    /// <summary>For a service that writes or reads a sealed event field; fails start-up without valid keys.</summary>
    public static IHostApplicationBuilder AddEventSecrets(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<EventSecretOptions>()
            .Bind(builder.Configuration.GetSection(EventSecretOptions.Section))
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<EventSecretOptions>, EventSecretOptionsValidator>();
        builder.Services.AddSingleton<EventSecrets>();
        return builder;
    }
}
