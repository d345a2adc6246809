using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CultureHealth.BackOffice.Pages;

/// <summary>
/// The morning view, from admin's event-built dashboard (so it still shows when the shop or booking is
/// down). The panels refresh themselves with a small script; without script the page has a refresh link.
/// </summary>
public sealed class IndexModel(AdminClient admin, IOptions<BackOfficeOptions> options, TimeProvider clock) : StaffPageModel
{
    public Dashboard? Dashboard { get; private set; }

    public DateTimeOffset LoadedAt { get; private set; }

    public int RefreshSeconds => options.Value.DashboardRefreshSeconds;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>Just the panels, for the page's own refresh script.</summary>
    public async Task<IActionResult> OnGetPanelsAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Partial("_DashboardPanels", this);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        LoadedAt = clock.GetUtcNow();
        var result = await admin.GetAsync<Dashboard>("api/admin/dashboard", ct);
        if (result.Value is { } dashboard)
        {
            Dashboard = dashboard;
        }
        else
        {
            Refused(result.Problem!);
        }
    }
}
