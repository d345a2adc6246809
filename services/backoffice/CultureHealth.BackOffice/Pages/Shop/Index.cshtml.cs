using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages.Shop;

/// <summary>
/// Shop orders by status (shop managers), newest first; "to post" (paid) is where the day starts. A search by the
/// customer's name, email or the order number looks across every status unless a status is chosen too.
/// </summary>
public sealed class IndexModel(AdminClient admin) : StaffPageModel
{
    private const int PageSize = 50;

    /// <summary>Shop's status name; "paid" (orders to post) when none is given.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    /// <summary>Part of a customer's name or email, or an order number.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Customer { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ResultPage<OrderSummary>? Orders { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Customer = string.IsNullOrWhiteSpace(Customer) ? null : Customer.Trim();
        if (Status is not null && !OrderStatuses.Names.ContainsKey(Status))
        {
            Status = null;
        }
        Status ??= Customer is null ? "paid" : null;
        PageNumber = Math.Max(1, PageNumber);
        var query = $"api/admin/shop/orders?page={PageNumber}&pageSize={PageSize}"
            + (Status is null ? "" : $"&status={Status}")
            + (Customer is null ? "" : $"&customer={Uri.EscapeDataString(Customer)}");
        var result = await admin.GetAsync<ResultPage<OrderSummary>>(query, ct);
        if (result.Value is { } page)
        {
            Orders = page;
            return Page();
        }
        return result.Problem!.Status == StatusCodes.Status403Forbidden ? Forbid() : Refused(result.Problem);
    }
}
