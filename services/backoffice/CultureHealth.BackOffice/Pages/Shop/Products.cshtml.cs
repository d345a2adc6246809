using System.ComponentModel.DataAnnotations;
using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages.Shop;

/// <summary>The shop's products (shop managers): price, stock and whether each is on sale; add a product. Shop checks every rule.</summary>
public sealed class ProductsModel(AdminClient admin) : StaffPageModel
{
    public static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sku"] = nameof(Sku), ["slug"] = nameof(Slug), ["name"] = nameof(Name), ["category"] = nameof(Category),
        ["pricePence"] = nameof(Price), ["vatClass"] = nameof(VatClass), ["kind"] = nameof(Kind), ["description"] = nameof(Description),
        ["appointmentTypeCode"] = nameof(AppointmentTypeCode), ["sessionsPerUnit"] = nameof(SessionsPerUnit), ["stock"] = nameof(Stock),
        ["lowStockThreshold"] = nameof(LowStockThreshold),
    };

    public IReadOnlyList<StaffProduct> Products { get; private set; } = [];

    [BindProperty, Display(Name = "SKU")]
    public string? Sku { get; set; }

    [BindProperty, Display(Name = "Name")]
    public string? Name { get; set; }

    [BindProperty, Display(Name = "Address on the shop (slug)")]
    public string? Slug { get; set; }

    [BindProperty, Display(Name = "Category")]
    public string? Category { get; set; }

    [BindProperty, Display(Name = "Price (£, VAT included)")]
    public string? Price { get; set; }

    [BindProperty, Display(Name = "VAT")]
    public string VatClass { get; set; } = "standard";

    [BindProperty, Display(Name = "Kind")]
    public string Kind { get; set; } = "physical";

    [BindProperty, Display(Name = "Description (optional)")]
    public string? Description { get; set; }

    [BindProperty, Display(Name = "Appointment type code (treatment packages only)")]
    public string? AppointmentTypeCode { get; set; }

    [BindProperty, Display(Name = "Sessions in the package")]
    public int? SessionsPerUnit { get; set; }

    [BindProperty, Display(Name = "Stock to start with")]
    public int? Stock { get; set; }

    [BindProperty, Display(Name = "Warn when stock falls to")]
    public int? LowStockThreshold { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        long? pence = null;
        if (Wording.TryParsePounds(Price, out var p))
        {
            pence = p;
        }
        else
        {
            ModelState.AddModelError(nameof(Price), "Enter the price in pounds, like 24.99.");
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(ct) ?? Page();
        }
        var result = await admin.PostAsync<StaffProduct>("api/admin/shop/products", new
        {
            sku = Sku, slug = Slug?.Trim(), name = Name, category = Category, description = Description, pricePence = pence,
            vatClass = VatClass, kind = Kind, appointmentTypeCode = Blank(AppointmentTypeCode), sessionsPerUnit = SessionsPerUnit,
            stock = Kind == "physical" ? Stock : null, lowStockThreshold = LowStockThreshold,
        }, ct);
        if (result.Value is { } created)
        {
            return Done("product-created", "/Shop/Product", new { id = created.Product.Id });
        }
        if (result.Problem!.Status == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }
        return await RefusedAndReloadedAsync(result.Problem, Fields, () => LoadAsync(ct));
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        var result = await admin.GetAsync<List<StaffProduct>>("api/admin/shop/products", ct);
        if (result.Value is { } products)
        {
            Products = [.. products.OrderBy(p => !p.Active).ThenBy(p => p.Product.Category).ThenBy(p => p.Product.Name)];
            return null;
        }
        return result.Problem!.Status == StatusCodes.Status403Forbidden ? Forbid() : Problem is null ? Refused(result.Problem) : null;
    }
}
