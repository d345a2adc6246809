using System.Security.Cryptography;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.Extensions.Options;

namespace CultureHealth.Testing;

/// <summary>Keys made for this test process for every secret a service reads from configuration.</summary>
public static class TestSecrets
{
    public const string EventSecretKeyId = "test";
    public static readonly string EventSecretKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>Content's key for hashing commenters' addresses.</summary>
    public static readonly string ContentIpHashSalt = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));

    public static IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"EventSecrets:Keys:{EventSecretKeyId}"] = EventSecretKey,
        ["Content:IpHashSalt"] = ContentIpHashSalt,
    };

    /// <summary>The services' <see cref="EventSecrets"/> under the test key: seal what a producer would publish, open what it did.</summary>
    public static EventSecrets Events { get; } = new(Options.Create(new EventSecretOptions
    {
        Keys = new Dictionary<string, string> { [EventSecretKeyId] = EventSecretKey },
    }));
}
