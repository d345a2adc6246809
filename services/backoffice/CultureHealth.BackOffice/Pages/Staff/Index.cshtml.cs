using System.ComponentModel.DataAnnotations;
using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages.Staff;

/// <summary>Staff accounts (admins): who has which roles and who is disabled; open an account; create one.</summary>
public sealed class IndexModel(AdminClient admin, DiaryApi diary) : StaffPageModel
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = nameof(Email), ["name"] = nameof(Name), ["password"] = nameof(Password), ["roles"] = nameof(Roles),
        ["practitionerId"] = nameof(PractitionerId),
    };

    public IReadOnlyList<StaffSummary> Accounts { get; private set; } = [];

    public IReadOnlyList<Practitioner> Practitioners { get; private set; } = [];

    [BindProperty, Display(Name = "Email address")]
    public string? Email { get; set; }

    [BindProperty, Display(Name = "Full name")]
    public string? Name { get; set; }

    [BindProperty, Display(Name = "First password")]
    public string? Password { get; set; }

    [BindProperty]
    public List<string> Roles { get; set; } = [];

    [BindProperty, Display(Name = "Their diary (practitioners only)")]
    public Guid? PractitionerId { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Admin checks the rest (email, password policy, known roles); these only save a round trip.
        if (string.IsNullOrWhiteSpace(Email))
        {
            ModelState.AddModelError(nameof(Email), "Enter their work email address.");
        }
        if (string.IsNullOrWhiteSpace(Name))
        {
            ModelState.AddModelError(nameof(Name), "Enter their name.");
        }
        if (Roles.Count == 0)
        {
            ModelState.AddModelError(nameof(Roles), "Tick at least one role.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(ct) ?? Page();
        }
        var result = await admin.PostAsync<StaffSummary>("api/admin/staff",
            new { email = Email!.Trim(), name = Name!.Trim(), password = Password, roles = Roles, practitionerId = PractitionerId }, ct);
        if (result.Value is { } created)
        {
            return Done("staff-created", "/Staff/Edit", new { id = created.Id });
        }
        if (result.Problem!.Status == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }
        return await RefusedAndReloadedAsync(result.Problem, Fields, () => LoadAsync(ct));
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var accounts = await admin.GetAsync<List<StaffSummary>>("api/admin/staff", ct);
        if (accounts.Value is not { } list)
        {
            return accounts.Problem!.Status == StatusCodes.Status403Forbidden ? Forbid() : Problem is null ? Refused(accounts.Problem) : null;
        }
        Accounts = [.. list.OrderBy(a => a.Disabled).ThenBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)];
        // The practitioner list only labels the diary choice; without booking the form still works (no link offered).
        Practitioners = (await diary.PractitionersAsync(ct)).Value ?? [];
        return null;
    }
}
