using CultureHealth.BackOffice.AdminApi;
using CultureHealth.ServiceDefaults.Problems;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CultureHealth.BackOffice.Web;

/// <summary>
/// What every back-office page shares: the confirmation after a redirect, and showing admin's refusals
/// (field errors next to their fields, the rest in the summary at the top of the form).
/// </summary>
public abstract class StaffPageModel : PageModel
{
    public string? Notice => Notices.Text(Request.Query["done"]);

    /// <summary>Admin's refusal of the last change, for the error summary.</summary>
    public AdminProblem? Problem { get; private set; }

    /// <summary>
    /// Shows a refusal. <paramref name="fields"/> maps admin's field names (e.g. "patient.email") to this
    /// form's (e.g. "Patient.Email") so the message sits next to the right input.
    /// </summary>
    protected PageResult Refused(AdminProblem problem, IReadOnlyDictionary<string, string>? fields = null)
    {
        Problem = problem;
        foreach (var (field, messages) in problem.Errors)
        {
            var key = fields is not null && fields.TryGetValue(field, out var mapped) ? mapped : "";
            foreach (var message in messages)
            {
                ModelState.AddModelError(key, message);
            }
        }
        Response.StatusCode = problem.Status is >= 400 and < 500 ? problem.Status : StatusCodes.Status503ServiceUnavailable;
        // A 503 always says when to try again: admin's own Retry-After when it gave one, else the services' usual wait
        // (the back office's client may give up before admin has answered at all).
        var wait = problem.RetryAfter
            ?? (Response.StatusCode == StatusCodes.Status503ServiceUnavailable ? DependencyUnavailable.RetryAfter : (TimeSpan?)null);
        if (wait is { } seconds)
        {
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(seconds.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return Page();
    }

    /// <summary>
    /// Shows a refusal on the page as it stands now: <paramref name="reload"/> reads again what the page shows (or
    /// answers a page of its own, such as 404), and the response keeps the refusal's status.
    /// </summary>
    protected async Task<IActionResult> RefusedAndReloadedAsync(
        AdminProblem problem, IReadOnlyDictionary<string, string>? fields, Func<Task<IActionResult?>> reload)
    {
        var refused = Refused(problem, fields);
        var status = Response.StatusCode;
        var loaded = await reload();
        Response.StatusCode = status;
        return loaded ?? refused;
    }

    /// <summary>
    /// After a change to the one record this page shows: back to it with <paramref name="notice"/>, the service's 403 or
    /// 404 as this page's own, or the refusal on the page as it stands now.
    /// </summary>
    protected async Task<IActionResult> ChangedAsync<T>(
        AdminResult<T> result, Guid id, string notice, IReadOnlyDictionary<string, string>? fields, Func<Task<IActionResult?>> reload)
    {
        if (result.IsSuccess)
        {
            return Done(notice, routeValues: new { id });
        }
        return result.Problem!.Status switch
        {
            StatusCodes.Status403Forbidden => Forbid(),
            StatusCodes.Status404NotFound => NotFound(),
            _ => await RefusedAndReloadedAsync(result.Problem, fields, reload),
        };
    }

    /// <summary>Post, redirect, get: the page to show next, with a confirmation.</summary>
    protected RedirectToPageResult Done(string notice, string? page = null, object? routeValues = null)
    {
        var values = new RouteValueDictionary(routeValues) { ["done"] = notice };
        return RedirectToPage(page, values);
    }
}
