using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using CultureHealth.Calendar;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages.Audit;

/// <summary>
/// Admin's audit log (admins): who did what and when, newest first, filtered by member of staff, action and London
/// dates; each entry's before and after. Filters are a GET form, so a filtered list can be bookmarked and shared.
/// </summary>
public sealed class IndexModel(AdminClient admin) : StaffPageModel
{
    public const int PageSize = 50;

    /// <summary>Common actions, offered as suggestions; the filter matches any action that starts with what is typed.</summary>
    public static readonly IReadOnlyList<string> CommonActions =
    [
        "POST /booking/bookings", "POST /content/comments", "POST /content/articles", "POST /shop/orders", "POST /shop/products",
        "POST /shop/coupons", "PUT /shop/products", "staff.create", "staff.update", "sign-in", "read GET",
    ];

    [BindProperty(SupportsGet = true)]
    public Guid? Staff { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? What { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<StaffSummary> Accounts { get; private set; } = [];

    public IReadOnlyList<AuditEntry>? Entries { get; private set; }

    public Dictionary<string, object?> Filters => new()
    {
        ["staff"] = Staff?.ToString(), ["what"] = What, ["from"] = From, ["to"] = To,
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var query = new List<string> { $"page={PageNumber}", $"pageSize={PageSize}" };
        if (Staff is { } staff)
        {
            query.Add($"staffId={staff}");
        }
        if (!string.IsNullOrWhiteSpace(What))
        {
            query.Add("action=" + Uri.EscapeDataString(What.Trim()));
        }
        AddDay(query, "from", nameof(From), From, 0);
        // "To" is the last day shown, so the filter ends when the next London day begins.
        AddDay(query, "to", nameof(To), To, 1);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            await LoadAccountsAsync(ct);
            return Page();
        }

        var entries = await admin.GetAsync<List<AuditEntry>>("api/admin/audit?" + string.Join('&', query), ct);
        if (entries.Value is not { } list)
        {
            return entries.Problem!.Status == StatusCodes.Status403Forbidden ? Forbid() : Refused(entries.Problem);
        }
        Entries = list;
        await LoadAccountsAsync(ct);
        return Page();
    }

    private void AddDay(List<string> query, string name, string field, string? text, int plusDays)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        if (!Wording.TryParseIso(text, out var day))
        {
            ModelState.AddModelError(field, "Enter a date, like 2026-11-29.");
            return;
        }
        query.Add($"{name}={Uri.EscapeDataString(ClinicTimeZone.StartOfDay(day.PlusDays(plusDays)).ToClinicTime().ToString("O"))}");
    }

    private async Task LoadAccountsAsync(CancellationToken ct) =>
        Accounts = [.. ((await admin.GetAsync<List<StaffSummary>>("api/admin/staff", ct)).Value ?? []).OrderBy(a => a.Name, StringComparer.CurrentCultureIgnoreCase)];
}
