using System.ComponentModel.DataAnnotations;
using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using CultureHealth.Calendar;
using CultureHealth.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages.Diary;

/// <summary>Bank holidays and other days the whole clinic is closed. Everyone on the diary sees them; admins change them.</summary>
public sealed class ClosuresModel(DiaryApi diary, StaffSections sections, TimeProvider clock) : StaffPageModel
{
    public IReadOnlyList<Closure> Closures { get; private set; } = [];

    public bool MayChange { get; private set; }

    [BindProperty, Display(Name = "Day")]
    public string? Date { get; set; }

    [BindProperty, Display(Name = "Name"), StringLength(120)]
    public string? Name { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!await sections.MayAsync(User, StaffPolicies.Admin))
        {
            return Forbid();
        }
        if (!Wording.TryParseIso(Date, out var day))
        {
            ModelState.AddModelError(nameof(Date), "Enter the day the clinic is closed.");
        }
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter a name, like Christmas Day.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(ct) ?? Page();
        }
        var result = await diary.AddClosureAsync(day, Name!.Trim(), ct);
        if (result.IsSuccess)
        {
            return Done("closure-added");
        }
        return await RefusedAndReloadedAsync(result.Problem!, new Dictionary<string, string> { ["name"] = nameof(Name), ["date"] = nameof(Date) }, () => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostRemoveAsync(string date, CancellationToken ct)
    {
        if (!await sections.MayAsync(User, StaffPolicies.Admin))
        {
            return Forbid();
        }
        if (!Wording.TryParseIso(date, out var day))
        {
            return BadRequest();
        }
        var result = await diary.RemoveClosureAsync(day, ct);
        return result.IsSuccess ? Done("closure-removed") : (await LoadAsync(ct)) ?? Refused(result.Problem!);
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        MayChange = await sections.MayAsync(User, StaffPolicies.Admin);
        var result = await diary.ClosuresAsync(ct);
        if (result.Value is not { } all)
        {
            return Problem is null ? Refused(result.Problem!) : null;
        }
        var today = Wording.Iso(ClinicTimeZone.Today(clock));
        Closures = [.. all.Where(c => string.CompareOrdinal(c.Date, today) >= 0)];
        return null;
    }
}
