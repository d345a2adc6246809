using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace CultureHealth.Storefront.Pages.Account;

/// <summary>
/// A "My account" page: it needs the patient cookie (without it, the visitor is sent to sign in and comes back
/// here), shows only what the services return for that token's address, and is private (noindex, no-store). When
/// a service refuses the token (it expired), the cookie is dropped and the visitor signs in again.
/// </summary>
public abstract class SignedInPage : AccountPage
{
    /// <summary>The signed-in patient's token, sent to the services as the bearer credential.</summary>
    protected string PatientToken { get; private set; } = "";

    /// <summary>Which link of the account navigation is this page's.</summary>
    public abstract string Section { get; }

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        Private();
        if (PatientSession.Token(Request) is not { } token)
        {
            context.Result = Redirect(BookingRoutes.SignInThenReturn(Request.Path + Request.QueryString));
            return;
        }
        PatientToken = token;
        await base.OnPageHandlerExecutionAsync(context, next);
    }

    /// <summary>The token was refused (expired or revoked): forget it and sign in again, coming back here.</summary>
    protected IActionResult SignInAgain()
    {
        PatientSession.SignOut(HttpContext);
        return Redirect(BookingRoutes.SignInThenReturn(Request.Path + Request.QueryString));
    }

    /// <summary>Whether a read's answer means "sign in again" rather than something to show.</summary>
    protected static bool Refused<T>(ApiReply<T> reply) => reply.Kind == ReplyKind.Refused;

    protected void Titled(string title, string description)
    {
        Meta.Title = title;
        Meta.Description = description;
        var account = new Seo.Breadcrumb("My account", AccountRoutes.Home);
        if (Section == AccountRoutes.Home)
        {
            Trail(account);
        }
        else
        {
            Trail(account, new Seo.Breadcrumb(title, Request.Path));
        }
    }
}
