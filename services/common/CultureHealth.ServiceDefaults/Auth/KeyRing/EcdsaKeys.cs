using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace CultureHealth.ServiceDefaults.Auth;

/// <summary>ES256 keys: ECDSA on curve P-256, read from PEM, written as JSON Web Keys.</summary>
public static class EcdsaKeys
{
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    /// <summary>A new P-256 key pair as PEM texts (tests and tooling; deployments make theirs with openssl).</summary>
    public static (string PrivateKeyPem, string PublicKeyPem) CreatePemPair()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (ecdsa.ExportPkcs8PrivateKeyPem(), ecdsa.ExportSubjectPublicKeyInfoPem());
    }

    public static ECDsaSecurityKey LoadPrivate(PrivateKeyOptions key)
    {
        var pem = Read(key.PrivateKeyPem, key.PrivateKeyFile, "PrivateKeyPem or PrivateKeyFile");
        var ecdsa = ImportP256(pem);
        try
        {
            ecdsa.ExportParameters(includePrivateParameters: true);
        }
        catch (CryptographicException)
        {
            ecdsa.Dispose();
            throw new InvalidOperationException("the PEM holds no private key.");
        }
        return new ECDsaSecurityKey(ecdsa) { KeyId = key.Id };
    }

    public static ECDsaSecurityKey LoadPublic(PublicKeyOptions key) =>
        new(ImportP256(Read(key.PublicKeyPem, key.PublicKeyFile, "PublicKeyPem or PublicKeyFile"))) { KeyId = key.Id };

    /// <summary>The public half of a key, so a private key never leaves the object that signs with it.</summary>
    public static ECDsaSecurityKey PublicHalf(ECDsaSecurityKey key)
    {
        var ecdsa = ECDsa.Create(key.ECDsa.ExportParameters(includePrivateParameters: false));
        return new ECDsaSecurityKey(ecdsa) { KeyId = key.KeyId };
    }

    /// <summary>The key as a public JWK (RFC 7517/7518): kty EC, crv P-256, x, y; never "d".</summary>
    public static PublicJwk ToJwk(ECDsaSecurityKey key)
    {
        var p = key.ECDsa.ExportParameters(includePrivateParameters: false);
        return new PublicJwk("EC", "P-256", Base64UrlEncoder.Encode(p.Q.X), Base64UrlEncoder.Encode(p.Q.Y), key.KeyId, "sig", "ES256");
    }

    /// <summary>A key from a fetched JWK, or null when it is not an ES256 signing key we accept.</summary>
    public static ECDsaSecurityKey? FromJwk(PublicJwk jwk)
    {
        if (jwk is not { Kty: "EC", Crv: "P-256", Kid.Length: > 0, X.Length: > 0, Y.Length: > 0 }
            || jwk.Use is not (null or "sig") || jwk.Alg is not (null or "ES256"))
        {
            return null;
        }
        try
        {
            var ecdsa = ECDsa.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = Base64UrlEncoder.DecodeBytes(jwk.X), Y = Base64UrlEncoder.DecodeBytes(jwk.Y) },
            });
            return new ECDsaSecurityKey(ecdsa) { KeyId = jwk.Kid };
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    internal static string? Problem(Func<ECDsaSecurityKey> load)
    {
        try
        {
            load();
            return null;
        }
        catch (Exception e) when (e is InvalidOperationException or CryptographicException or ArgumentException or IOException)
        {
            return e.Message;
        }
    }

    private static string Read(string? pem, string? file, string what)
    {
        if (!string.IsNullOrWhiteSpace(pem))
        {
            return pem;
        }
        if (!string.IsNullOrWhiteSpace(file))
        {
            return File.ReadAllText(file);
        }
        throw new InvalidOperationException($"{what} is required.");
    }

    private static bool IsP256(ECCurve curve) =>
        curve.IsNamed && (curve.Oid.Value == "1.2.840.10045.3.1.7"
            || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "prime256v1" or "secp256r1");

    private static ECDsa ImportP256(string pem)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
            if (!IsP256(ecdsa.ExportParameters(false).Curve))
            {
                throw new InvalidOperationException("the key is not on curve P-256 (ES256).");
            }
            return ecdsa;
        }
        catch
        {
            ecdsa.Dispose();
            throw;
        }
    }
}

/// <summary>One public key of a JWKS document.</summary>
public sealed record PublicJwk(string Kty, string Crv, string X, string Y, string Kid, string? Use, string? Alg);

/// <summary>A JWKS document: <c>{"keys":[...]}</c>.</summary>
public sealed record JwksDocument(IReadOnlyList<PublicJwk> Keys);
