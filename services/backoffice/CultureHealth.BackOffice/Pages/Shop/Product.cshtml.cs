using System.ComponentModel.DataAnnotations;
using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages.Shop;

/// <summary>One product (shop managers): change its name, price and low-stock warning; adjust stock with a reason; take it off sale or back on.</summary>
public sealed class ProductModel(AdminClient admin) : StaffPageModel
{
    private static readonly Dictionary<string, string> Fields = new(ProductsModel.Fields, StringComparer.OrdinalIgnoreCase)
    {
        ["delta"] = nameof(Delta), ["reason"] = nameof(Reason),
    };

    public StaffProduct? Item { get; private set; }

    [BindProperty, Display(Name = "Name")]
    public string? Name { get; set; }

    [BindProperty, Display(Name = "Category")]
    public string? Category { get; set; }

    [BindProperty, Display(Name = "Price (£, VAT included)")]
    public string? Price { get; set; }

    [BindProperty, Display(Name = "Warn when stock falls to")]
    public int? LowStockThreshold { get; set; }

    [BindProperty, Display(Name = "Description")]
    public string? Description { get; set; }

    [BindProperty, Display(Name = "Units to add (or remove, with a minus sign)")]
    public int? Delta { get; set; }

    [BindProperty, Display(Name = "Reason")]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var loaded = await LoadAsync(id, ct);
        if (Item is { } p)
        {
            (Name, Category, Price, LowStockThreshold, Description) =
                (p.Product.Name, p.Product.Category, Wording.Pounds(p.Product.PricePence), p.LowStockThreshold, p.Product.Description);
        }
        return loaded ?? Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid id, CancellationToken ct)
    {
        if (!Wording.TryParsePounds(Price, out var pence))
        {
            ModelState.AddModelError(nameof(Price), "Enter the price in pounds, like 24.99.");
            return await InvalidAsync(id, ct);
        }
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }
        return await SendAsync(id, admin.PutAsync<StaffProduct>($"api/admin/shop/products/{id}",
            Body(Item!, Name, Category, pence, LowStockThreshold, Description, active: null), ct), "product-saved", ct);
    }

    public async Task<IActionResult> OnPostStockAsync(Guid id, CancellationToken ct)
    {
        if (Delta is null or 0)
        {
            ModelState.AddModelError(nameof(Delta), "Enter how many units arrived (like 12) or went (like -2).");
        }
        if (string.IsNullOrWhiteSpace(Reason))
        {
            ModelState.AddModelError(nameof(Reason), "Say why, like \"delivery from supplier\" or \"2 damaged\".");
        }
        return ModelState.IsValid
            ? await SendAsync(id, admin.PostAsync<StockAdjustment>($"api/admin/shop/products/{id}/stock-adjustments", new { delta = Delta, reason = Reason!.Trim() }, ct), "stock-adjusted", ct)
            : await InvalidAsync(id, ct);
    }

    public Task<IActionResult> OnPostDeactivateAsync(Guid id, CancellationToken ct) =>
        SendAsync(id, admin.PostAsync<StaffProduct>($"api/admin/shop/products/{id}/deactivate", new { }, ct), "product-deactivated", ct);

    public async Task<IActionResult> OnPostReactivateAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } missing)
        {
            return missing;
        }
        var p = Item!;
        return await SendAsync(id, admin.PutAsync<StaffProduct>($"api/admin/shop/products/{id}",
            Body(p, p.Product.Name, p.Product.Category, p.Product.PricePence, p.LowStockThreshold, p.Product.Description, active: true), ct), "product-saved", ct);
    }

    /// <summary>Shop replaces a product whole: what this page does not change is sent back as it was.</summary>
    private static object Body(StaffProduct p, string? name, string? category, long pence, int? lowStock, string? description, bool? active) => new
    {
        slug = p.Product.Slug, name, category, description = description ?? "", imageUrls = p.Product.ImageUrls, pricePence = pence,
        vatClass = p.Product.VatClass, appointmentTypeCode = p.Product.AppointmentTypeCode, sessionsPerUnit = p.Product.SessionsPerUnit,
        lowStockThreshold = lowStock, active,
    };

    private async Task<IActionResult> SendAsync<T>(Guid id, Task<AdminResult<T>> call, string notice, CancellationToken ct) =>
        await ChangedAsync(await call, id, notice, Fields, () => LoadAsync(id, ct));

    private async Task<IActionResult> InvalidAsync(Guid id, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        var page = await LoadAsync(id, ct) ?? Page();
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        // Shop's staff API lists the whole catalogue (tens of products); it has no single-product read.
        var result = await admin.GetAsync<List<StaffProduct>>("api/admin/shop/products", ct);
        if (result.Value is { } products)
        {
            Item = products.FirstOrDefault(p => p.Product.Id == id);
            return Item is null ? NotFound() : null;
        }
        return result.Problem!.Status == StatusCodes.Status403Forbidden ? Forbid() : Problem is null ? Refused(result.Problem) : null;
    }
}
