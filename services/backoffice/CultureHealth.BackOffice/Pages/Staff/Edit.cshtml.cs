using System.ComponentModel.DataAnnotations;
using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages.Staff;

/// <summary>One staff account (admins): change name and roles, disable or enable it, set a new password.</summary>
public sealed class EditModel(AdminClient admin, DiaryApi diary) : StaffPageModel
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["name"] = nameof(Name), ["roles"] = nameof(Roles), ["password"] = nameof(NewPassword), ["practitionerId"] = nameof(PractitionerId),
    };

    public StaffSummary? Account { get; private set; }

    public IReadOnlyList<Practitioner> Practitioners { get; private set; } = [];

    [BindProperty, Display(Name = "Full name")]
    public string? Name { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty]
    public Guid? PractitionerId { get; set; }

    [BindProperty, Display(Name = "New password")]
    public string? NewPassword { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        if (loaded is null && Account is { } a)
        {
            (Name, Roles, PractitionerId) = (a.Name, [.. a.Roles], a.PractitionerId);
        }
        return loaded ?? Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter their name.");
        }
        if (Roles.Count == 0)
        {
            ModelState.AddModelError(nameof(Roles), "Tick at least one role (to stop them signing in, disable the account).");
        }
        return ModelState.IsValid
            ? await ChangeAsync(id, new { name = Name!.Trim(), roles = Roles, practitionerId = PractitionerId }, "staff-saved", ct)
            : await InvalidAsync(id, ct);
    }

    public Task<IActionResult> OnPostDisableAsync(Guid id, CancellationToken ct) => ChangeAsync(id, new { disabled = true }, "staff-disabled", ct);

    public Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct) => ChangeAsync(id, new { disabled = false }, "staff-enabled", ct);

    public async Task<IActionResult> OnPostPasswordAsync(Guid id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(NewPassword))
        {
            ModelState.AddModelError(nameof(NewPassword), "Enter the new password.");
            return await InvalidAsync(id, ct);
        }
        return await ChangeAsync(id, new { password = NewPassword }, "staff-password", ct);
    }

    private async Task<IActionResult> ChangeAsync(Guid id, object change, string notice, CancellationToken ct) =>
        await ChangedAsync(await admin.PutAsync<StaffSummary>($"api/admin/staff/{id}", change, ct), id, notice, Fields, () => LoadAsync(id, ct));

    private async Task<IActionResult> InvalidAsync(Guid id, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return await LoadAsync(id, ct) ?? Page();
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        // Admin lists every account (a clinic has tens); it has no single-account read.
        var accounts = await admin.GetAsync<List<StaffSummary>>("api/admin/staff", ct);
        if (accounts.Value is not { } list)
        {
            return accounts.Problem!.Status == StatusCodes.Status403Forbidden ? Forbid() : Problem is null ? Refused(accounts.Problem) : null;
        }
        Account = list.FirstOrDefault(a => a.Id == id);
        if (Account is null)
        {
            return NotFound();
        }
        Practitioners = (await diary.PractitionersAsync(ct)).Value ?? [];
        return null;
    }
}
