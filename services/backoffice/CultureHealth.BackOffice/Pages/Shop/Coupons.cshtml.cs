using System.ComponentModel.DataAnnotations;
using System.Globalization;
using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using CultureHealth.Calendar;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages.Shop;

/// <summary>Coupons (shop managers): what each takes off, its limits and uses; create one; deactivate one. Shop's own rules decide what is allowed.</summary>
public sealed class CouponsModel(AdminClient admin) : StaffPageModel
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["code"] = nameof(Code), ["kind"] = nameof(Kind), ["percentageBasisPoints"] = nameof(Percent), ["amountPence"] = nameof(Amount),
        ["minimumSpendPence"] = nameof(MinimumSpend), ["usageLimit"] = nameof(UsageLimit), ["perCustomerLimit"] = nameof(PerCustomerLimit),
        ["expiresAt"] = nameof(LastDay),
    };

    public IReadOnlyList<Coupon> Coupons { get; private set; } = [];

    [BindProperty, Display(Name = "Code")]
    public string? Code { get; set; }

    [BindProperty, Display(Name = "Takes off")]
    public string Kind { get; set; } = "percentage";

    [BindProperty, Display(Name = "Percentage off (for a percentage)")]
    public string? Percent { get; set; }

    [BindProperty, Display(Name = "Amount off in £ (for an amount)")]
    public string? Amount { get; set; }

    [BindProperty, Display(Name = "Minimum spend in £ (optional)")]
    public string? MinimumSpend { get; set; }

    [BindProperty, Display(Name = "Last day it works (optional)")]
    public string? LastDay { get; set; }

    [BindProperty, Display(Name = "Uses in all (optional)")]
    public int? UsageLimit { get; set; }

    [BindProperty, Display(Name = "Uses per customer (optional)")]
    public int? PerCustomerLimit { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        int? basisPoints = null;
        long? amount = null, minimum = null;
        DateTimeOffset? expires = null;
        if (Kind == "percentage")
        {
            if (decimal.TryParse(Percent?.Trim().TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var percent) && decimal.Round(percent, 2) == percent)
            {
                basisPoints = (int)(percent * 100);
            }
            else
            {
                ModelState.AddModelError(nameof(Percent), "Enter the percentage off, like 15.");
            }
        }
        else if (Wording.TryParsePounds(Amount, out var pence))
        {
            amount = pence;
        }
        else
        {
            ModelState.AddModelError(nameof(Amount), "Enter the amount off in pounds, like 5.00.");
        }
        if (!string.IsNullOrWhiteSpace(MinimumSpend))
        {
            if (Wording.TryParsePounds(MinimumSpend, out var min))
            {
                minimum = min;
            }
            else
            {
                ModelState.AddModelError(nameof(MinimumSpend), "Enter the minimum spend in pounds, like 30.00, or leave it empty.");
            }
        }
        if (!string.IsNullOrWhiteSpace(LastDay))
        {
            if (Wording.TryParseIso(LastDay, out var day))
            {
                // Works all of its last day, London time.
                expires = ClinicTimeZone.StartOfDay(day.PlusDays(1)).ToClinicTime();
            }
            else
            {
                ModelState.AddModelError(nameof(LastDay), "Enter a date, or leave it empty for no end.");
            }
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(ct) ?? Page();
        }
        var result = await admin.PostAsync<Coupon>("api/admin/shop/coupons", new
        {
            code = Code, kind = Kind, percentageBasisPoints = basisPoints, amountPence = amount, minimumSpendPence = minimum,
            expiresAt = expires, usageLimit = UsageLimit, perCustomerLimit = PerCustomerLimit,
        }, ct);
        return result.IsSuccess ? Done("coupon-created") : await RefusedAsync(result.Problem!, ct);
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string code, CancellationToken ct)
    {
        var result = await admin.PostAsync<Coupon>($"api/admin/shop/coupons/{Uri.EscapeDataString(code)}/deactivate", new { }, ct);
        return result.IsSuccess ? Done("coupon-deactivated") : await RefusedAsync(result.Problem!, ct);
    }

    private async Task<IActionResult> RefusedAsync(AdminProblem problem, CancellationToken ct)
    {
        if (problem.Status == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }
        return await RefusedAndReloadedAsync(problem, Fields, () => LoadAsync(ct));
    }

    public static string TakesOff(Coupon c) => c.Kind == "percentage"
        ? (c.PercentageBasisPoints / 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%"
        : Wording.Money(c.AmountPence);

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var result = await admin.GetAsync<List<Coupon>>("api/admin/shop/coupons", ct);
        if (result.Value is { } coupons)
        {
            Coupons = [.. coupons.OrderBy(c => !c.Active).ThenBy(c => c.Code, StringComparer.Ordinal)];
            return null;
        }
        return result.Problem!.Status == StatusCodes.Status403Forbidden ? Forbid() : Problem is null ? Refused(result.Problem) : null;
    }
}
