using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Seo;
using CultureHealth.Storefront.Web;
using Microsoft.Extensions.Options;

namespace CultureHealth.Storefront.Pages;

[SameForEveryReader]
public sealed class IndexModel(ContentApi content, ShopApi shop, BookingApi booking, IOptions<ClinicOptions> clinic) : SitePage
{
    public ClinicOptions Clinic => clinic.Value;
    public ApiResult<PageOf<ArticleSummary>> Latest { get; private set; }
    public ApiResult<PageOf<Product>> Featured { get; private set; }
    public ApiResult<List<AppointmentType>> AppointmentTypes { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The three reads are independent: one slow service does not add its wait to the others'.
        var latest = content.ArticlesAsync(1, 3, ct);
        var featured = shop.FeaturedProductsAsync(ct);
        var types = booking.AppointmentTypesAsync(ct);
        Latest = await latest;
        Featured = await featured;
        AppointmentTypes = await types;

        Meta.Title = Clinic.Name;
        Meta.Description = Clinic.Description ?? $"{Clinic.Name}: physiotherapy in {Clinic.Locality}.";
        Meta.CanonicalPath = "/";
        Meta.StructuredData.Add(StructuredData.Clinic(Clinic, Site));
    }
}
