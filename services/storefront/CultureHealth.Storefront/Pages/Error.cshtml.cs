using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages;

/// <summary>
/// The page for every error and every missing page: a plain explanation, the request id to quote to the
/// clinic, and the way back. Never the exception (that is logged, with the same id).
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : SitePage
{
    public int Status { get; private set; }
    public string RequestId { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);

    // Re-executed POSTs (a form to a page that failed) render the same page.
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        var failed = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null;
        Status = failed ? StatusCodes.Status500InternalServerError : code is >= 400 and < 600 ? code.Value : StatusCodes.Status404NotFound;
        // The error page may be asked for directly (/error): answer with the status it describes.
        Response.StatusCode = Status;
        RequestId = Activity.Current?.TraceId.ToString() ?? HttpContext.TraceIdentifier;
        Meta.NoIndex = true;
        (Meta.Title, Meta.Description) = Status switch
        {
            404 => ("Page not found", "The page you asked for is not here. Search our articles or go back to the home page."),
            _ => ("Something went wrong", "The page could not be shown. Please try again in a moment."),
        };
    }
}
