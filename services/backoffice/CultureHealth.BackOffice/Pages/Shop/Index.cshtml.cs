using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages.Shop;

/// <summary>Shop orders by status (shop managers), newest first; "to post" (paid) is where the day starts.</summary>
public sealed class IndexModel(AdminClient admin) : StaffPageModel
{
    private const int PageSize = 50;

    /// <summary>Shop's status name; "paid" (orders to post) when none is given.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ResultPage<OrderSummary>? Orders { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Status is null || !OrderStatuses.Names.ContainsKey(Status))
        {
            Status = "paid";
        }
        PageNumber = Math.Max(1, PageNumber);
        var result = await admin.GetAsync<ResultPage<OrderSummary>>($"api/admin/shop/orders?status={Status}&page={PageNumber}&pageSize={PageSize}", ct);
        if (result.Value is { } page)
        {
            Orders = page;
            return Page();
        }
        return result.Problem!.Status == StatusCodes.Status403Forbidden ? Forbid() : Refused(result.Problem);
    }
}
