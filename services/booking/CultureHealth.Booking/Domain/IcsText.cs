namespace CultureHealth.Booking.Domain;

/// <summary>RFC 5545 text rules, from the shared <see cref="Calendar.IcsText"/>.</summary>
public static class IcsText
{
    public const string LineBreak = Calendar.IcsText.LineBreak;

    public const int MaxLineOctets = Calendar.IcsText.MaxLineOctets;

    /// <inheritdoc cref="Calendar.IcsText.EscapeText(string)"/>
    public static string EscapeText(string value) => Calendar.IcsText.EscapeText(value);

    /// <inheritdoc cref="Calendar.IcsText.Fold(string)"/>
    public static string Fold(string contentLine) => Calendar.IcsText.Fold(contentLine);
}
