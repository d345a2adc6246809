using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages.Diary;

/// <summary>
/// Patients waiting for a time to come free, in the order offers go out, with the time held for them now. Reception and
/// admins see everyone; a practitioner those who asked for them or for any practitioner (booking decides, admin audits the read).
/// </summary>
public sealed class WaitlistModel(DiaryApi diary) : StaffPageModel
{
    private static readonly string[] EveryDay = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    [BindProperty(SupportsGet = true)]
    public Guid? Type { get; set; }

    public IReadOnlyList<AppointmentType> Types { get; private set; } = [];

    public IReadOnlyList<WaitlistEntry>? Entries { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var types = diary.AppointmentTypesAsync(ct);
        var waiting = diary.WaitlistAsync(Type, ct);
        // The filter's choices are a help, not a need: without them the list still shows.
        Types = (await types).Value ?? [];
        if ((await waiting).Value is not { } entries)
        {
            return Refused((await waiting).Problem!);
        }
        Entries = entries;
        return Page();
    }

    /// <summary>"Any day", or "Mon, Wed, Fri".</summary>
    public static string Days(IReadOnlyList<string> days) =>
        days.Count == 0 || EveryDay.All(days.Contains) ? "Any day" : string.Join(", ", days.Select(d => Wording.British.TextInfo.ToTitleCase(d[..3])));

    /// <summary>"Tue 1 Dec", or "Tue 1 Dec to Fri 4 Dec".</summary>
    public static string Dates(string from, string to) =>
        !Wording.TryParseIso(from, out var first) || !Wording.TryParseIso(to, out var last) ? $"{from} to {to}"
        : first == last ? Wording.ShortDay(first) : $"{Wording.ShortDay(first)} to {Wording.ShortDay(last)}";
}
