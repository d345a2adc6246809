using Microsoft.Extensions.Options;

namespace CultureHealth.Storefront.Pages;

public sealed class PrivacyModel(IOptions<ClinicOptions> clinic) : SitePage
{
    public ClinicOptions Clinic => clinic.Value;

    public void OnGet()
    {
        Meta.Title = "Privacy notice";
        Meta.Description = $"How {Clinic.Name} uses the personal details you give us when you book, buy or comment, and your rights under UK GDPR.";
        Meta.CanonicalPath = Web.SiteRoutes.Privacy;
        Trail(new Seo.Breadcrumb("Privacy notice", Web.SiteRoutes.Privacy));
    }
}
