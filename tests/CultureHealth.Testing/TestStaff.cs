using CultureHealth.ServiceDefaults.Auth;

namespace CultureHealth.Testing;

/// <summary>
/// A staff signing key pair made for this test process (ES256), and tokens signed with it for any staff role.
/// Every service is given the public key (<see cref="Settings"/>); only admin, the issuer, gets the private key
/// (<see cref="IssuerSettings"/>, added by <see cref="ServiceFactory{TEntryPoint}"/> for admin alone).
/// </summary>
public static class TestStaff
{
    public static readonly string SigningKeyId = "test-" + Guid.NewGuid().ToString("N")[..6];
    private static readonly (string PrivateKeyPem, string PublicKeyPem) KeyPair = EcdsaKeys.CreatePemPair();

    public static string PublicKeyPem => KeyPair.PublicKeyPem;

    public static IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [$"{StaffTokens.Section}:PublicKeys:0:Id"] = SigningKeyId,
        [$"{StaffTokens.Section}:PublicKeys:0:PublicKeyPem"] = KeyPair.PublicKeyPem,
    };

    public static IReadOnlyDictionary<string, string?> IssuerSettings => new Dictionary<string, string?>
    {
        [$"{StaffTokens.Section}:SigningKeys:0:Id"] = SigningKeyId,
        [$"{StaffTokens.Section}:SigningKeys:0:PrivateKeyPem"] = KeyPair.PrivateKeyPem,
    };

    private static readonly StaffTokenIssuer Issuer = new(new SigningKeyRing(Options(), TimeProvider.System));

    private static JwtKeyOptions Options()
    {
        var options = new JwtKeyOptions { SigningKeys = [new PrivateKeyOptions { Id = SigningKeyId, PrivateKeyPem = KeyPair.PrivateKeyPem }] };
        StaffTokens.Defaults(options);
        return options;
    }

    public static string TokenFor(params string[] roles) =>
        Issuer.Issue(new StaffIdentity(Guid.NewGuid(), $"{string.Join('-', roles)}@test.culturehealth.local", "Test Staff", roles)).AccessToken;

    public static string TokenFor(StaffIdentity identity) => Issuer.Issue(identity).AccessToken;
}
