using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages.Articles;

/// <summary>Articles by status (editors), most recently changed first.</summary>
public sealed class IndexModel(AdminClient admin) : StaffPageModel
{
    private const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ResultPage<ArticleSummary>? Articles { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Status is not null && !ArticleStatuses.Names.ContainsKey(Status))
        {
            Status = null;
        }
        PageNumber = Math.Max(1, PageNumber);
        var result = await admin.GetAsync<ResultPage<ArticleSummary>>(
            $"api/admin/content/articles?page={PageNumber}&pageSize={PageSize}{(Status is null ? "" : "&status=" + Status)}", ct);
        if (result.Value is { } page)
        {
            Articles = page;
            return Page();
        }
        return result.Problem!.Status == StatusCodes.Status403Forbidden ? Forbid() : Refused(result.Problem);
    }
}
