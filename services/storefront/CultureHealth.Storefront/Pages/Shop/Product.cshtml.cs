using System.Globalization;
using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Seo;
using CultureHealth.Storefront.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace CultureHealth.Storefront.Pages.Shop;

/// <summary>
/// A product: price with the VAT in it, stock, what happens after buying (posted, emailed or credited), and
/// "Add to cart" with a quantity. Product and Offer JSON-LD for search engines.
/// </summary>
public sealed class ProductModel(ShopApi shop, BookingApi booking, ShopSession session, IOptions<ClinicOptions> clinic) : SitePage
{
    public Product Product { get; private set; } = null!;
    public bool Unavailable { get; private set; }
    /// <summary>For a treatment package: the appointment its sessions are for (from booking; null when booking is down).</summary>
    public AppointmentType? Appointment { get; private set; }

    /// <summary>What the visitor typed (kept as text so "two" can be answered, not silently dropped).</summary>
    [BindProperty]
    public string? Quantity { get; set; } = "1";

    public string? QuantityError { get; private set; }
    /// <summary>After "Add to cart": how many were added (from ?added=), or why nothing was.</summary>
    public int? Added { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, int? added, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } early)
        {
            return early;
        }
        Added = added is > 0 ? added : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct)
    {
        if (await LoadAsync(slug, ct) is { } early)
        {
            return early;
        }
        if (Unavailable)
        {
            return Page();
        }
        if (!int.TryParse(Quantity?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var quantity))
        {
            QuantityError = "Enter how many you would like as a number, for example 1.";
            return Page();
        }
        var reply = await session.ChangeCartAsync(token => shop.AddItemAsync(token, Product.Sku, quantity, ct), ct);
        switch (reply.Outcome)
        {
            case ShopOutcome.Ok:
                return Redirect($"{SiteRoutes.Product(Product.Slug)}?added={quantity}#added");
            case ShopOutcome.Invalid:
                QuantityError = reply.Problem?.ErrorFor("quantity");
                Problem = QuantityError is null ? reply.Problem?.Detail ?? "That could not be added to your cart." : null;
                break;
            case ShopOutcome.Conflict:
                // Out of stock, or fewer left than asked for: the shop says how many.
                Problem = reply.Problem?.Detail ?? "That is no longer in stock.";
                break;
            case ShopOutcome.TooMany:
                Problem = "You have made a lot of changes in a short time. Please wait a minute and try again.";
                break;
            default:
                Problem = "The shop is unavailable right now, so nothing was added to your cart. Please try again in a few minutes.";
                break;
        }
        Response.StatusCode = reply.Outcome == ShopOutcome.Unavailable ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        return Page();
    }

    public string? QuantityDescribedBy => QuantityError is null ? null : "quantity-error";

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken ct)
    {
        var product = await shop.ProductAsync(slug, ct);
        if (product.IsNotFound)
        {
            return NotFound();
        }
        if (product.IsUnavailable)
        {
            Unavailable = true;
            Meta.Title = "Product unavailable";
            Meta.Description = "This product cannot be shown right now.";
            Meta.NoIndex = true;
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            Response.Headers.RetryAfter = "30";
            return null;
        }
        Product = product.Value!;
        if (Product.AppointmentTypeCode is { } code && (await booking.AppointmentTypesAsync(ct)) is { IsOk: true } types)
        {
            Appointment = types.Value!.FirstOrDefault(t => t.Code == code);
        }

        var path = SiteRoutes.Product(Product.Slug);
        Meta.Title = Product.Name;
        Meta.Description = $"{Product.Name}, {Prices.Format(Product.PricePence)}: {Product.Description}";
        Meta.CanonicalPath = path;
        Meta.OpenGraphType = "product";
        Trail(new Breadcrumb("Shop", SiteRoutes.Shop), new Breadcrumb(ShopText.Category(Product.Category), SiteRoutes.ShopCategory(Product.Category)),
            new Breadcrumb(Product.Name, path));
        Meta.StructuredData.Add(StructuredData.Product(Product, clinic.Value, Site, path));
        return null;
    }
}
