using System.Security.Cryptography;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.Extensions.Options;

namespace CultureHealth.Testing;

/// <summary>Keys made for this test process for every secret a service reads from configuration.</summary>
public static class TestSecrets
{
    public const string EventSecretKeyId = "test";
    public static readonly string EventSecretKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"EventSecrets:Keys:{EventSecretKeyId}"] = EventSecretKey,
    };

    private static readonly EventSecrets Secrets = new(Options.Create(new EventSecretOptions { Keys = { [EventSecretKeyId] = EventSecretKey } }));

    /// <summary>Opens a sealed event field as notifications would (tests that read a secret from an event, not from an email).</summary>
    public static string? Open(string? sealedValue) => Secrets.Open(sealedValue);

    /// <summary>Seals a secret as a producer would, for tests that publish such an event themselves.</summary>
    public static string Seal(string secret) => Secrets.Seal(secret);
}
