namespace CultureHealth.Booking.Domain;

/// <summary>How room kinds are spelled: lower-case words joined by hyphens, as the rooms table's check constraint says.</summary>
public static partial class RoomKinds
{
    /// <summary>The longest kind a room or an appointment type may name (the columns' length).</summary>
    public const int MaxLength = 40;

    public static bool IsValid(string kind) => kind.Length <= MaxLength && Pattern().IsMatch(kind);

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex Pattern();
}
