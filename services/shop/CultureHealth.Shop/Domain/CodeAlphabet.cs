using System.Security.Cryptography;

namespace CultureHealth.Shop.Domain;

/// <summary>
/// 32 symbols: digits and capitals without 0/O and 1/I, which customers misread on printed vouchers and over
/// the phone. 32 symbols give exactly 5 bits per character.
/// </summary>
internal static class CodeAlphabet
{
    public const string Symbols = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>Uniform draws from a CSPRNG (GetItems rejects biased bytes, so no modulo bias).</summary>
    public static string Random(int length) => new(RandomNumberGenerator.GetItems<char>(Symbols, length));

    public static bool Contains(char c) => Symbols.Contains(c, StringComparison.Ordinal);
}
