using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CultureHealth.Shop.Domain;

/// <summary>
/// The customer-facing order reference, e.g. "CH-20250314-7KQ2MX": the date makes it easy to talk about on
/// the phone, the random suffix (30 bits) keeps it from revealing sales volume. It is a reference, not a
/// secret (order access needs a <see cref="ServiceDefaults.Secrets.SecretToken"/>), and uniqueness is only probable: store it under a
/// unique index and generate again on the rare collision.
/// </summary>
public sealed record OrderNumber
{
    public const string Prefix = "CH-";
    public const int SuffixLength = 6;
    private const string DateFormat = "yyyyMMdd";

    private OrderNumber(string value) => Value = value;

    public string Value { get; }

    /// <summary>
    /// Uses the calendar date of <paramref name="now"/> in its own offset: pass UK local time to date orders
    /// the way the clinic does (an order at 00:30 BST is dated that day, not the day before in UTC).
    /// </summary>
    public static OrderNumber Generate(DateTimeOffset now) =>
        new(string.Create(
            CultureInfo.InvariantCulture, $"{Prefix}{now.ToString(DateFormat, CultureInfo.InvariantCulture)}-{CodeAlphabet.Random(SuffixLength)}"));

    /// <summary>Accepts any case and surrounding spaces.</summary>
    public static bool TryParse([NotNullWhen(true)] string? input, [NotNullWhen(true)] out OrderNumber? orderNumber)
    {
        orderNumber = null;
        var candidate = input?.Trim().ToUpperInvariant();
        if (candidate is null
            || candidate.Length != Prefix.Length + DateFormat.Length + 1 + SuffixLength
            || !candidate.StartsWith(Prefix, StringComparison.Ordinal)
            || candidate[Prefix.Length + DateFormat.Length] != '-'
            || !DateOnly.TryParseExact(
                candidate.AsSpan(Prefix.Length, DateFormat.Length), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            || !candidate[^SuffixLength..].All(CodeAlphabet.Contains))
        {
            return false;
        }

        orderNumber = new OrderNumber(candidate);
        return true;
    }

    public override string ToString() => Value;
}
