using System.Security.Cryptography;

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
}
