using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace CultureHealth.Shop.Domain;

/// <summary>
/// A gift voucher's redemption code, e.g. "7KQ2-MXAB-R9TE-HW4C": 16 symbols of 5 bits = 80 bits from a
/// cryptographic RNG, enough that guessing a live code online is hopeless. The code is a bearer secret:
/// log <see cref="Masked"/>, not <see cref="Value"/>.
/// </summary>
public sealed record GiftVoucherCode
{
    public const int SymbolCount = 16;
    private const int GroupSize = 4;

    private GiftVoucherCode(string symbols)
    {
        Value = string.Join('-', symbols.Chunk(GroupSize).Select(group => new string(group)));
    }

    /// <summary>The canonical, grouped, upper-case form: what is printed, stored and compared.</summary>
    public string Value { get; }

    /// <summary>Only the last group, for logs, e-mails to staff and support screens.</summary>
    public string Masked => MaskOf(LastFour);

    /// <summary>The last four symbols: all the database keeps of the code besides its hash.</summary>
    public string LastFour => Value[^GroupSize..];

    /// <summary>
    /// Lower-case hex SHA-256 of <see cref="Value"/>: what is stored and looked up. 80 random bits make a code
    /// unguessable, so a plain hash (no salt, no slow KDF) keeps a database leak from handing out spendable codes.
    /// </summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(Value)));

    public static string MaskOf(string lastFour) => "XXXX-XXXX-XXXX-" + lastFour;

    public static GiftVoucherCode Generate() => new(CodeAlphabet.Random(SymbolCount));

    /// <summary>
    /// Accepts what a customer types: any case, with or without dashes or spaces. Fails if the symbols are
    /// not exactly 16 from the alphabet (0/O/1/I never appear in a real code).
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? input, [NotNullWhen(true)] out GiftVoucherCode? code)
    {
        code = null;
        if (input is null)
        {
            return false;
        }

        var symbols = new string(input.Where(c => c is not ('-' or ' ' or '\t')).Select(char.ToUpperInvariant).ToArray());
        if (symbols.Length != SymbolCount || !symbols.All(CodeAlphabet.Contains))
        {
            return false;
        }

        code = new GiftVoucherCode(symbols);
        return true;
    }

    /// <exception cref="FormatException">The input is not a gift voucher code.</exception>
    public static GiftVoucherCode Parse(string input) =>
        TryParse(input, out var code) ? code : throw new FormatException("That is not a valid gift voucher code.");

    public override string ToString() => Value;
}
