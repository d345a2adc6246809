using CultureHealth.Storefront.Api;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.Storefront.Pages.Account;

/// <summary>
/// A "My account" page that shows one read of the patient's own records (their bookings, their orders): a refused
/// token signs in again; a service that cannot answer leaves <see cref="Shown"/> null, and the page says that part is
/// unavailable rather than failing.
/// </summary>
/// <param name="read">The service call, with the signed-in patient's token.</param>
public abstract class SignedInListPage<T>(string title, string description, Func<string, CancellationToken, Task<ApiReply<T>>> read)
    : SignedInPage
    where T : class
{
    /// <summary>What the service answered; null when it could not.</summary>
    protected T? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Titled(title, description);
        var reply = await read(PatientToken, ct);
        if (Refused(reply))
        {
            return SignInAgain();
        }
        Shown = reply.Value;
        return Page();
    }
}
