using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Appointments;
using CultureHealth.Storefront.Seo;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CultureHealth.Storefront.Pages.Booking;

/// <summary>
/// What every booking page shares: the clinic (its phone number is the way round an outage or a late change),
/// the "booking is unavailable right now" answer (503 with Retry-After, never a 500), and the pages reached
/// with a manage token from an email (noindex, no Referer at all).
/// </summary>
public abstract class BookingPage : SitePage
{
    public ClinicOptions Clinic => HttpContext.RequestServices.GetRequiredService<IOptions<ClinicOptions>>().Value;

    protected TimeProvider Clock => HttpContext.RequestServices.GetRequiredService<TimeProvider>();

    /// <summary>Set when the booking service could not be reached: the page says so instead of its content.</summary>
    public bool Unavailable { get; private set; }

    protected IActionResult BookingUnavailable()
    {
        Unavailable = true;
        Meta.NoIndex = true;
        Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        Response.Headers.RetryAfter = "30";
        return Page();
    }

    /// <summary>A page whose URL carries a manage token or a one-time code.</summary>
    protected void KeepSecretUrl()
    {
        Meta.NoIndex = true;
        Response.SendNoReferrer();
        Response.Headers.CacheControl = "no-store";
    }

    /// <summary>The appointment type with this code, among the active ones.</summary>
    protected static AppointmentType? Find(List<AppointmentType> types, string? code) =>
        types.FirstOrDefault(t => string.Equals(t.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>"with Amelia Hart" or "with the first available physiotherapist".</summary>
    public static string WithWhom(Practitioner? practitioner) =>
        practitioner is null ? "with the first available practitioner" : $"with {practitioner.Name}";

    /// <summary>
    /// BreadcrumbList JSON-LD for search engines. The journey shows its steps instead of a visible breadcrumb trail:
    /// one "where am I" is calmer than two, and on a phone the trail would push the question below the fold.
    /// </summary>
    protected void JourneyTrail(AppointmentType? type = null, string? last = null, string? lastPath = null)
    {
        var crumbs = new List<Breadcrumb> { new("Home", "/"), new("Book a consultation", BookingRoutes.Start) };
        if (type is not null)
        {
            crumbs.Add(new Breadcrumb(type.Name, BookingRoutes.Type(type.Code)));
        }
        if (last is not null)
        {
            crumbs.Add(new Breadcrumb(last, lastPath ?? Request.Path));
        }
        Meta.StructuredData.Add(StructuredData.Breadcrumbs(crumbs, Site));
    }
}
