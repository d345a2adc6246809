using System.ComponentModel.DataAnnotations;
using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages.Moderation;

/// <summary>Answer one approved comment as the clinic (editors). Content publishes the reply at once under the clinic's name.</summary>
public sealed class ReplyModel(AdminClient admin) : StaffPageModel
{
    public HeldComment? Comment { get; private set; }

    [BindProperty, Display(Name = "Your reply, as the clinic")]
    public string? Body { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Body))
        {
            ModelState.AddModelError(nameof(Body), "Write the reply.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            var page = await LoadAsync(id, ct) ?? Page();
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        var result = await admin.PostAsync<HeldComment>($"api/admin/content/comments/{id}/reply", new { body = Body }, ct);
        if (result.IsSuccess)
        {
            return Done("reply-published", "/Moderation/Index", new { queue = "approved" });
        }
        switch (result.Problem!.Status)
        {
            case StatusCodes.Status403Forbidden:
                return Forbid();
            case StatusCodes.Status404NotFound:
                return NotFound();
        }
        return await RefusedAndReloadedAsync(result.Problem, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["body"] = nameof(Body) }, () => LoadAsync(id, ct));
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var result = await admin.GetAsync<HeldComment>($"api/admin/content/comments/{id}", ct);
        if (result.Value is { } comment)
        {
            Comment = comment;
            return null;
        }
        return result.Problem!.Status switch
        {
            StatusCodes.Status403Forbidden => Forbid(),
            StatusCodes.Status404NotFound => NotFound(),
            _ => Problem is null ? Refused(result.Problem) : null,
        };
    }
}
