using System.Globalization;
using CultureHealth.Storefront.Api;

namespace CultureHealth.Storefront.Pages.Booking;

/// <summary>The "join the waitlist" form as posted: clinic dates and times, the weekdays that suit, and who to book for.</summary>
public sealed class WaitlistForm
{
    public static readonly IReadOnlyList<string> Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    /// <summary>Start times offered in the form: every half hour of the clinic's day.</summary>
    public static readonly IReadOnlyList<string> Times =
        [.. Enumerable.Range(14, 29).Select(half => new TimeOnly(half / 2, half % 2 * 30).ToString("HH:mm", CultureInfo.InvariantCulture))];

    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public List<string> Days { get; set; } = [];
    public string Earliest { get; set; } = "08:00";
    public string Latest { get; set; } = "19:00";
    public string? Name { get; set; }
    public string? Phone { get; set; }

    public WaitlistRequest ToRequest(Guid typeId, Guid? practitionerId) => new(
        typeId, practitionerId,
        From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
        Days.Count == 0 ? ["none"] : Days, Earliest, Latest, Name?.Trim() ?? "", string.IsNullOrWhiteSpace(Phone) ? null : Phone.Trim());

    public static string DayName(string day) => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(day);
}
