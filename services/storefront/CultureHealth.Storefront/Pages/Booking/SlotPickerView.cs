using CultureHealth.Storefront.Appointments;
using CultureHealth.Storefront.Web;

namespace CultureHealth.Storefront.Pages.Booking;

/// <summary>
/// The week strip and a day's times, shared by the booking journey and rescheduling (the same availability rule
/// for both). Every choice is a plain link, so it works without JavaScript; slot-picker.js only swaps the panel in place.
/// </summary>
public sealed record SlotPickerView(
    SlotPlan Plan,
    DateOnly ThisWeek,
    Func<DateOnly, string> DayLink,
    Func<DateOnly, string> WeekLink,
    Func<SlotChoice, string> SlotLink,
    bool ShowPractitioner)
{
    public bool HasPreviousWeek => Plan.WeekStart > ThisWeek;

    public static string Times(int count) => count switch
    {
        0 => "No times",
        1 => "1 time",
        _ => $"{count} times",
    };

    /// <summary>"7 – 13 December 2026", "30 November – 6 December 2026".</summary>
    public string WeekTitle =>
        Plan.WeekStart.Year != Plan.WeekEnd.Year ? $"{Wording.Date(Plan.WeekStart)} – {Wording.Date(Plan.WeekEnd)}"
        : Plan.WeekStart.Month != Plan.WeekEnd.Month ? $"{Wording.DayMonth(Plan.WeekStart)} – {Wording.Date(Plan.WeekEnd)}"
        : $"{Plan.WeekStart.Day} – {Wording.Date(Plan.WeekEnd)}";
}
