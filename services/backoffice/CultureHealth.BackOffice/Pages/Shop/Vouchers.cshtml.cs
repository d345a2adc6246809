using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages.Shop;

/// <summary>Gift vouchers sold (shop managers), newest first: the last four symbols of each code (never the code), balance and status.</summary>
public sealed class VouchersModel(AdminClient admin) : StaffPageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ResultPage<GiftVoucherSummary>? Vouchers { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var result = await admin.GetAsync<ResultPage<GiftVoucherSummary>>($"api/admin/shop/gift-vouchers?page={PageNumber}&pageSize={PageSize}", ct);
        if (result.Value is { } page)
        {
            Vouchers = page;
            return Page();
        }
        return result.Problem!.Status == StatusCodes.Status403Forbidden ? Forbid() : Refused(result.Problem);
    }
}
