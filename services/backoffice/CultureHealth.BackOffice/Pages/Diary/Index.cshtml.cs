using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using CultureHealth.Calendar;
using Microsoft.AspNetCore.Mvc;
using NodaTime;

namespace CultureHealth.BackOffice.Pages.Diary;

/// <summary>
/// The diary: a day or a week, for the whole clinic or one practitioner. Reception and admins see every
/// diary; a practitioner only their own (another practitioner's address answers the 403 page).
/// </summary>
public sealed class IndexModel(DiaryApi diary, TimeProvider clock) : StaffPageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Practitioner { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? View { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Date { get; set; }

    public bool IsWeek => View == "week";

    public LocalDate Day { get; private set; }

    public LocalDate Today { get; private set; }

    public DateTimeOffset Now { get; private set; }

    public LocalDate WeekStart => Day.With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday));

    public IReadOnlyList<Practitioner> Practitioners { get; private set; } = [];

    /// <summary>Practitioners the user may choose between (everyone for reception; only themselves for a practitioner).</summary>
    public IReadOnlyList<Practitioner> Choosable { get; private set; } = [];

    public Practitioner? Selected { get; private set; }

    public DiaryGrid? Grid { get; private set; }

    public IReadOnlyList<Booking> Bookings { get; private set; } = [];

    public IReadOnlyList<Booking> Cancelled { get; private set; } = [];

    public IReadOnlyDictionary<LocalDate, string> Closures { get; private set; } = new Dictionary<LocalDate, string>();

    public bool MayChooseAnyone { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        Today = ClinicTimeZone.Today(clock);
        Day = Wording.TryParseIso(Date, out var day) ? day : Today;
        View = View is "week" ? "week" : "day";

        var own = DiaryAccess.OwnOnly(User);
        MayChooseAnyone = own is null;
        if (own == Guid.Empty)
        {
            return Refused(new AdminProblem(StatusCodes.Status403Forbidden, "Not linked to a diary",
                "Your practitioner account is not linked to a diary yet. Ask the clinic's administrator to link it.", new Dictionary<string, string[]>(), null));
        }
        if (own is { } mine)
        {
            if (Practitioner is null)
            {
                return RedirectToPage(new { practitioner = mine, view = View, date = Wording.Iso(Day) });
            }
            if (Practitioner != mine)
            {
                return Forbid();
            }
        }

        var practitioners = diary.PractitionersAsync(ct);
        var closures = diary.ClosuresAsync(ct);
        var from = IsWeek ? WeekStart : Day;
        var bookings = diary.BookingsAsync(from, IsWeek ? 7 : 1, Practitioner, ct);
        var hours = diary.WorkingHoursAsync(from, IsWeek ? 7 : 1, Practitioner, ct);
        if ((await practitioners).Value is not { } all)
        {
            return Refused((await practitioners).Problem!);
        }
        Practitioners = all;
        Choosable = own is { } only ? [.. all.Where(p => p.Id == only)] : all;
        Selected = Practitioner is { } id ? all.FirstOrDefault(p => p.Id == id) : null;
        if (Practitioner is not null && Selected is null)
        {
            return NotFound();
        }
        Closures = ((await closures).Value ?? []).Where(c => Wording.TryParseIso(c.Date, out _))
            .ToDictionary(c => { Wording.TryParseIso(c.Date, out var d); return d; }, c => c.Name);
        if ((await bookings).Value is not { } list)
        {
            return Refused((await bookings).Problem!);
        }
        Bookings = list;
        Cancelled = [.. list.Where(b => !b.TakesTime).OrderBy(b => b.Start)];

        // Shading working time is a help, not a need: without it the diary still shows every appointment.
        var working = ((await hours).Value ?? []).ToDictionary(h => (h.PractitionerId, h.Date));
        DiaryColumn Column(Guid practitionerId, LocalDate date, string heading)
        {
            if (!working.TryGetValue((practitionerId, Wording.Iso(date)), out var h))
            {
                return new DiaryColumn(practitionerId, date, heading, Closures.GetValueOrDefault(date));
            }
            var spans = h.Intervals.Select(i => (Ok: TryTime(i.Start, out var s) & TryTime(i.End, out var e), s, e))
                .Where(x => x.Ok).Select(x => new TimeSpanOfDay(x.s, x.e)).ToList();
            return new DiaryColumn(practitionerId, date, heading, Closures.GetValueOrDefault(date), spans,
                [.. h.TimeOff.Select(t => (t.Start, t.End))]);
        }
        if (!IsWeek || Selected is not null)
        {
            var columns = IsWeek
                ? Enumerable.Range(0, 7).Select(i => WeekStart.PlusDays(i)).Select(d => Column(Selected!.Id, d, Wording.ShortDay(d))).ToList()
                : (Selected is not null ? [Selected] : all.Where(p => p.Active || list.Any(b => b.PractitionerId == p.Id)))
                    .Select(p => Column(p.Id, Day, p.Name)).ToList();
            Grid = DiaryGrid.Build(columns, list);
        }
        return Page();
    }

    public string Title => (Selected?.Name ?? "Whole clinic") + (IsWeek
        ? $", week of {Wording.ShortDay(WeekStart)}"
        : $", {Wording.Day(Day)}");

    /// <summary>The query of another day, view or diary, for links (empty values are left out).</summary>
    public Dictionary<string, string> Link(LocalDate date, string? view = null, Guid? practitioner = null, bool clinic = false)
    {
        var values = new Dictionary<string, string> { ["view"] = view ?? View ?? "day", ["date"] = Wording.Iso(date) };
        if (!clinic && (practitioner ?? Practitioner) is { } id)
        {
            values["practitioner"] = id.ToString();
        }
        return values;
    }

    private static bool TryTime(string? text, out LocalTime time)
    {
        var parsed = NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(text ?? "");
        time = parsed.Success ? parsed.Value : default;
        return parsed.Success;
    }
}
