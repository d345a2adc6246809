using System.ComponentModel.DataAnnotations;
using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using CultureHealth.Calendar;
using Microsoft.AspNetCore.Mvc;
using NodaTime;
using Interval = CultureHealth.BackOffice.AdminApi.Interval;

namespace CultureHealth.BackOffice.Pages.Diary;

/// <summary>
/// A practitioner's usual week, the days whose hours differ (schedule overrides, including a day off) and
/// their time off. Changes apply to availability at once; bookings already made stay (reception moves them).
/// </summary>
public sealed class HoursModel(DiaryApi diary, TimeProvider clock) : StaffPageModel
{
    private static readonly string[] Days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public Practitioner? Practitioner { get; private set; }

    public WeeklySchedule? Week { get; private set; }

    public IReadOnlyList<DateOverride> Overrides { get; private set; } = [];

    public IReadOnlyList<TimeOff> TimeOff { get; private set; } = [];

    public LocalDate Today { get; private set; }

    // Different hours on one day.
    [BindProperty, Display(Name = "Day")]
    public string? OverrideDate { get; set; }

    [BindProperty, Display(Name = "From")]
    public string? OverrideStart { get; set; }

    [BindProperty, Display(Name = "Until")]
    public string? OverrideEnd { get; set; }

    [BindProperty, Display(Name = "Not working that day")]
    public bool DayOff { get; set; }

    // Time off.
    [BindProperty, Display(Name = "From")]
    public string? OffStart { get; set; }

    [BindProperty, Display(Name = "Until")]
    public string? OffEnd { get; set; }

    [BindProperty, Display(Name = "Reason (optional)"), StringLength(200)]
    public string? OffReason { get; set; }

    public static IEnumerable<(string Day, IReadOnlyList<Interval> Blocks)> ByDay(WeeklySchedule week) =>
        Days.Select(d => (d, (IReadOnlyList<Interval>)[.. week.Intervals.Where(i => i.Day == d)]));

    public async Task<IActionResult> OnGetAsync(Guid practitionerId, CancellationToken ct) => await LoadAsync(practitionerId, ct) ?? Page();

    public async Task<IActionResult> OnPostHoursAsync(Guid practitionerId, CancellationToken ct)
    {
        if (!Wording.TryParseIso(OverrideDate, out var date))
        {
            ModelState.AddModelError(nameof(OverrideDate), "Enter the day, like 24/12/2026.");
        }
        if (!DayOff && (string.IsNullOrWhiteSpace(OverrideStart) || string.IsNullOrWhiteSpace(OverrideEnd)))
        {
            ModelState.AddModelError(nameof(OverrideStart), "Enter the hours, or tick “Not working that day”.");
        }
        if (!ModelState.IsValid)
        {
            return await ReloadAsync(practitionerId, StatusCodes.Status400BadRequest, ct);
        }
        Interval[] hours = DayOff ? [] : [new Interval(null, OverrideStart, OverrideEnd)];
        var result = await diary.SetHoursAsync(practitionerId, date, hours, ct);
        return result.IsSuccess
            ? Done("hours-changed", routeValues: new { practitionerId })
            : await RefusedAsync(practitionerId, result.Problem!, new() { ["intervals[0].start"] = nameof(OverrideStart), ["intervals[0].end"] = nameof(OverrideEnd), ["intervals"] = nameof(OverrideStart), ["date"] = nameof(OverrideDate) }, ct);
    }

    public async Task<IActionResult> OnPostResetAsync(Guid practitionerId, string date, CancellationToken ct)
    {
        if (!Wording.TryParseIso(date, out var day))
        {
            return BadRequest();
        }
        var result = await diary.ResetHoursAsync(practitionerId, day, ct);
        return result.IsSuccess ? Done("hours-reset", routeValues: new { practitionerId }) : await RefusedAsync(practitionerId, result.Problem!, null, ct);
    }

    public async Task<IActionResult> OnPostTimeOffAsync(Guid practitionerId, CancellationToken ct)
    {
        var start = ParseLocal(OffStart, nameof(OffStart));
        var end = ParseLocal(OffEnd, nameof(OffEnd));
        if (start is not null && end is not null && end <= start)
        {
            ModelState.AddModelError(nameof(OffEnd), "The end must be after the start.");
        }
        if (!ModelState.IsValid)
        {
            return await ReloadAsync(practitionerId, StatusCodes.Status400BadRequest, ct);
        }
        var result = await diary.AddTimeOffAsync(practitionerId, start!.Value, end!.Value, string.IsNullOrWhiteSpace(OffReason) ? null : OffReason.Trim(), ct);
        return result.IsSuccess
            ? Done("time-off-added", routeValues: new { practitionerId })
            : await RefusedAsync(practitionerId, result.Problem!, new() { ["start"] = nameof(OffStart), ["end"] = nameof(OffEnd), ["reason"] = nameof(OffReason) }, ct);
    }

    public async Task<IActionResult> OnPostRemoveTimeOffAsync(Guid practitionerId, Guid timeOffId, CancellationToken ct)
    {
        var result = await diary.RemoveTimeOffAsync(practitionerId, timeOffId, ct);
        return result.IsSuccess ? Done("time-off-removed", routeValues: new { practitionerId }) : await RefusedAsync(practitionerId, result.Problem!, null, ct);
    }

    /// <summary>A date and time typed in London time ("2026-12-24T13:00" from a datetime-local input).</summary>
    private DateTimeOffset? ParseLocal(string? text, string field)
    {
        var parsed = NodaTime.Text.LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Parse(text ?? "");
        if (!parsed.Success)
        {
            ModelState.AddModelError(field, "Enter a date and time.");
            return null;
        }
        return ClinicTimeZone.ToDateTimeOffset(parsed.Value);
    }

    private async Task<IActionResult> RefusedAsync(Guid practitionerId, AdminProblem problem, Dictionary<string, string>? fields, CancellationToken ct)
    {
        if (problem.Status == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }
        Refused(problem, fields);
        return await ReloadAsync(practitionerId, Response.StatusCode, ct);
    }

    private async Task<IActionResult> ReloadAsync(Guid practitionerId, int status, CancellationToken ct)
    {
        var loaded = await LoadAsync(practitionerId, ct);
        Response.StatusCode = status;
        return loaded ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid practitionerId, CancellationToken ct)
    {
        if (!DiaryAccess.MayOpen(User, practitionerId))
        {
            return Forbid();
        }
        Today = ClinicTimeZone.Today(clock);
        var practitioners = diary.PractitionersAsync(ct);
        var week = diary.WeeklyScheduleAsync(practitionerId, ct);
        var overrides = diary.OverridesAsync(practitionerId, Today, ct);
        var timeOff = diary.TimeOffAsync(practitionerId, ct);
        if ((await practitioners).Value is not { } all)
        {
            return Problem is null ? Refused((await practitioners).Problem!) : null;
        }
        Practitioner = all.FirstOrDefault(p => p.Id == practitionerId);
        if (Practitioner is null)
        {
            return NotFound();
        }
        Week = (await week).Value;
        Overrides = (await overrides).Value ?? [];
        var now = clock.GetUtcNow();
        TimeOff = [.. ((await timeOff).Value ?? []).Where(t => t.End > now)];
        if (Problem is null && ((await week).Problem ?? (await overrides).Problem ?? (await timeOff).Problem) is { } failed)
        {
            Refused(failed);
        }
        return null;
    }
}
