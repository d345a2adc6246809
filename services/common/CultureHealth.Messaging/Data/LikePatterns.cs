namespace CultureHealth.Messaging.Data;

/// <summary>
/// PostgreSQL LIKE/ILIKE patterns from what a person typed: "100%" or "a_b" mean those characters, not wildcards.
/// Use with the escape character <see cref="Escape"/>: <c>EF.Functions.ILike(column, LikePatterns.Containing(text), LikePatterns.Escape)</c>.
/// </summary>
public static class LikePatterns
{
    public const string Escape = "\\";

    public static string Containing(string text) => "%" + Literal(text.Trim()) + "%";

    private static string Literal(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal)
            .Replace("_", "\\_", StringComparison.Ordinal);
}
