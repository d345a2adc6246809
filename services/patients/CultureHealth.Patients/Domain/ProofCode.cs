using System.Security.Cryptography;
using System.Text;
using CultureHealth.ServiceDefaults.Secrets;

namespace CultureHealth.Patients.Domain;

/// <summary>
/// The six-digit code of an email proof (also the secret in its one-click link). Only a hash is stored,
/// salted with the proof's id so that equal codes never hash alike. Six digits cannot resist an offline
/// search of a stolen hash; what protects a code is that it lives ten minutes, is used once and allows
/// five tries. The hash is the system's one secret-token hash (<see cref="SecretToken.HashOf"/>, SHA-256).
/// </summary>
public static class ProofCode
{
    public const int Digits = 6;

    public static string Generate() =>
        RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Six ASCII digits, nothing else (no spaces: the endpoint trims what people paste).</summary>
    public static bool IsWellFormed(string? code) => code is { Length: Digits } && code.All(char.IsAsciiDigit);

    public static string Hash(Guid proofId, string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return SecretToken.HashOf($"{proofId:N}:{code}");
    }

    /// <summary>Compares in constant time, so timing says nothing about how much of a guess was right.</summary>
    public static bool Matches(Guid proofId, string code, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(proofId, code)), Encoding.ASCII.GetBytes(storedHash));
}
