using System.Security.Cryptography;
using CultureHealth.ServiceDefaults.Auth;
using Microsoft.Extensions.Options;

namespace CultureHealth.Testing;

/// <summary>A signing key made for this test process, and tokens signed with it for any staff role.</summary>
public static class TestStaff
{
    public static readonly string SigningKeyId = "test-" + Guid.NewGuid().ToString("N")[..6];
    public static readonly string SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    public static IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["StaffAuth:SigningKeys:0:Id"] = SigningKeyId,
        ["StaffAuth:SigningKeys:0:Secret"] = SigningKey,
    };

    private static readonly StaffTokenIssuer Issuer = new(
        Options.Create(new StaffTokenOptions { SigningKeys = [new SigningKeyOptions { Id = SigningKeyId, Secret = SigningKey }] }),
        TimeProvider.System);

    public static string TokenFor(params string[] roles) =>
        Issuer.Issue(new StaffIdentity(Guid.NewGuid(), $"{string.Join('-', roles)}@test.culturehealth.local", "Test Staff", roles)).AccessToken;

    public static string TokenFor(StaffIdentity identity) => Issuer.Issue(identity).AccessToken;
}
