using System.Security.Claims;
using CultureHealth.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CultureHealth.BackOffice.Web;

/// <summary>A part of the back office: its pages' folder, the role policy that guards it, and its place in the navigation.</summary>
public sealed record StaffSection(string Title, string Folder, string Page, string Policy);

/// <summary>
/// The one list of who may use which pages. It drives both the authorization conventions (so a page answers
/// 403 even when its URL is typed by hand) and the navigation (so staff see only what their role may do).
/// Admin's API and the services check the same roles again on every call.
/// </summary>
public sealed class StaffSections(IAuthorizationService authorization)
{
    public static readonly IReadOnlyList<StaffSection> All =
    [
        new("Dashboard", "/", "/Index", StaffPolicies.AnyStaff),
        new("Diary", "/Diary", "/Diary/Index", StaffPolicies.Diary),
        new("Articles", "/Articles", "/Articles/Index", StaffPolicies.Editor),
        new("Moderation", "/Moderation", "/Moderation/Index", StaffPolicies.Editor),
        new("Shop", "/Shop", "/Shop/Index", StaffPolicies.ShopManager),
        new("Staff", "/Staff", "/Staff/Index", StaffPolicies.Admin),
        new("Audit log", "/Audit", "/Audit/Index", StaffPolicies.Admin),
        // Add a section here (Title, folder under Pages/, its landing page, StaffPolicies.X), then its pages in that folder.
    ];

    /// <summary>Pages anyone may open: signing in, and the error pages.</summary>
    public static readonly IReadOnlyList<string> AnonymousPages = ["/SignIn", "/Error"];

    public static void Apply(PageConventionCollection conventions)
    {
        foreach (var section in All)
        {
            conventions.AuthorizeFolder(section.Folder, section.Policy);
        }
        foreach (var page in AnonymousPages)
        {
            conventions.AllowAnonymousToPage(page);
        }
    }

    public async Task<IReadOnlyList<StaffSection>> VisibleToAsync(ClaimsPrincipal user)
    {
        var visible = new List<StaffSection>();
        foreach (var section in All)
        {
            if ((await authorization.AuthorizeAsync(user, section.Policy)).Succeeded)
            {
                visible.Add(section);
            }
        }
        return visible;
    }

    public async Task<bool> MayAsync(ClaimsPrincipal user, string policy) => (await authorization.AuthorizeAsync(user, policy)).Succeeded;
}
