using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages.Moderation;

/// <summary>
/// The comment moderation queue (editors): oldest first, with the reason each comment was held; approve, spam or
/// trash one comment (its own button) or many (ticked, then one button). One form, so it all works without script.
/// </summary>
public sealed class IndexModel(AdminClient admin) : StaffPageModel
{
    private const int PageSize = 50;

    /// <summary>Which list: pending (the default), approved, spam or trash.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Queue { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public ResultPage<HeldComment>? Comments { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    /// <summary>
    /// <paramref name="decision"/> is one row's button ("approved:{id}"); otherwise <paramref name="status"/> applies to
    /// every ticked <paramref name="ids"/>.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(string? decision, string? status, List<Guid>? ids, CancellationToken ct)
    {
        if (decision?.Split(':') is [var one, var idText] && Guid.TryParse(idText, out var id))
        {
            (status, ids) = (one, [id]);
        }
        var known = status is not null && CommentDecisions.All.ContainsKey(status);
        if (!known)
        {
            ModelState.AddModelError("", "Choose approve, spam or trash.");
        }
        else if (ids is not { Count: > 0 })
        {
            ModelState.AddModelError("", "Tick at least one comment first.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(ct) ?? Page();
        }
        var result = await admin.PostAsync<ModerationResult>("api/admin/content/comments/moderate", new { ids, status }, ct);
        if (result.IsSuccess)
        {
            return Done(CommentDecisions.All[status!].Notice, routeValues: new { queue = Queue });
        }
        if (result.Problem!.Status == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }
        var refused = Refused(result.Problem);
        return await LoadAsync(ct, keepStatus: true) ?? refused;
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct, bool keepStatus = false)
    {
        if (Queue is null || !CommentDecisions.Queues.Contains(Queue))
        {
            Queue = "pending";
        }
        PageNumber = Math.Max(1, PageNumber);
        var result = await admin.GetAsync<ResultPage<HeldComment>>(
            $"api/admin/content/comments?status={Queue}&page={PageNumber}&pageSize={PageSize}", ct);
        if (result.Value is { } page)
        {
            Comments = page;
            return null;
        }
        if (result.Problem!.Status == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }
        return keepStatus ? null : Refused(result.Problem);
    }
}
