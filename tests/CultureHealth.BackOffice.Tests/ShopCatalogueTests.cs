using System.Net;
using CultureHealth.BackOffice.Web;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.BackOffice.Tests;

/// <summary>Products, stock, coupons and gift vouchers at the HTTP level (shop managers), through admin's audited forwarding to shop.</summary>
public sealed class ShopCatalogueTests(BackOfficeStack stack) : IClassFixture<BackOfficeStack>
{
    [Fact]
    public async Task A_shop_manager_adds_a_product_changes_its_price_adjusts_stock_with_a_reason_and_takes_it_off_sale_without_script()
    {
        var (email, password) = await stack.CreateStaffAsync("shop-manager");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        using (var list = await browser.GetAsync("/admin/shop/products"))
        {
            Assert.Equal(HttpStatusCode.OK, list.StatusCode);
            Assert.DoesNotContain("There is a problem", browser.LastPage, StringComparison.Ordinal);
        }
        var sku = "BO-CAT-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        Dictionary<string, string> Product(string price) => new()
        {
            ["Name"] = "Massage ball " + sku, ["Sku"] = sku, ["Slug"] = sku.ToLowerInvariant(), ["Category"] = "recovery", ["Price"] = price,
            ["VatClass"] = "standard", ["Kind"] = "physical", ["Stock"] = "3", ["LowStockThreshold"] = "2",
        };
        using (var wrong = await browser.PostFormAsync("/admin/shop/products", Product("cheap")))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("Enter the price in pounds", browser.LastPage, StringComparison.Ordinal);
        }
        using var created = await browser.PostFormAsync("/admin/shop/products", Product("9.99"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var page = created.Headers.Location!.OriginalString;
        var id = Guid.Parse(page["/admin/shop/products/".Length..page.IndexOf('?', StringComparison.Ordinal)]);
        (await browser.GetAsync("/admin/shop/products")).Dispose();
        using (var twice = await browser.PostFormAsync("/admin/shop/products", Product("9.99")))
        {
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
            Assert.Contains("Another product already has this SKU or slug.", browser.LastPage, StringComparison.Ordinal);
        }

        (await browser.GetAsync(page)).Dispose();
        Assert.Contains(Notices.Text("product-created")!, WebUtility.HtmlDecode(browser.LastPage), StringComparison.Ordinal);
        Assert.Equal("9.99", StaffBrowser.InputValue(browser.LastPage, "Price"));
        using (var priced = await browser.PostFormAsync($"/admin/shop/products/{id}?handler=Save", new Dictionary<string, string>
        {
            ["Name"] = "Massage ball " + sku, ["Category"] = "recovery", ["Price"] = "12.50", ["LowStockThreshold"] = "2", ["Description"] = "Firm.",
        }))
        {
            Assert.Equal($"/admin/shop/products/{id}?done=product-saved", priced.Headers.Location?.OriginalString);
        }
        (await browser.GetAsync($"/admin/shop/products/{id}")).Dispose();
        using (var noReason = await browser.PostFormAsync($"/admin/shop/products/{id}?handler=Stock", new Dictionary<string, string> { ["Delta"] = "5" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
            Assert.Contains("Say why", browser.LastPage, StringComparison.Ordinal);
        }
        using (var tooMany = await browser.PostFormAsync($"/admin/shop/products/{id}?handler=Stock", new Dictionary<string, string> { ["Delta"] = "-4", ["Reason"] = "Damaged" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, tooMany.StatusCode);
            Assert.Contains("below zero", browser.LastPage, StringComparison.Ordinal);
        }
        using (var stocked = await browser.PostFormAsync($"/admin/shop/products/{id}?handler=Stock", new Dictionary<string, string> { ["Delta"] = "5", ["Reason"] = "Delivery from supplier" }))
        {
            Assert.Equal($"/admin/shop/products/{id}?done=stock-adjusted", stocked.Headers.Location?.OriginalString);
        }
        (await browser.GetAsync($"/admin/shop/products/{id}")).Dispose();
        using (var off = await browser.PostFormAsync($"/admin/shop/products/{id}?handler=Deactivate", new Dictionary<string, string>()))
        {
            Assert.Equal($"/admin/shop/products/{id}?done=product-deactivated", off.Headers.Location?.OriginalString);
        }

        await using var db = stack.Shop!.OpenDb();
        var product = await db.Products.AsNoTracking().SingleAsync(p => p.Id == id);
        Assert.Equal((1_250L, 8, false, "Firm."), (product.PricePence, product.Stock!.Value, product.Active, product.Description));
        var adjustment = await db.StockAdjustments.AsNoTracking().SingleAsync(a => a.ProductId == id);
        Guid managerId;
        await using (var admin = stack.Admin.OpenDb())
        {
            managerId = await admin.StaffUsers.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        }
        Assert.Equal((5, "Delivery from supplier", $"staff:{managerId}"), (adjustment.Delta, adjustment.Reason, adjustment.Actor));

        var audit = await stack.AuditAsync(email);
        Assert.Contains(audit, a => a.Action == "POST /shop/products" && a.Status == 201);
        Assert.Contains(audit, a => a.Action == $"PUT /shop/products/{id}" && a.Status == 200);
        Assert.Contains(audit, a => a.Action == $"POST /shop/products/{id}/stock-adjustments" && a.Status == 201);
        Assert.Contains(audit, a => a.Action == $"POST /shop/products/{id}/deactivate" && a.Status == 200);
    }

    [Fact]
    public async Task A_shop_manager_creates_a_coupon_and_deactivates_it_and_sees_the_gift_voucher_list()
    {
        var (email, password) = await stack.CreateStaffAsync("shop-manager");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        (await browser.GetAsync("/admin/shop/coupons")).Dispose();
        var code = "BO" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        using (var wrong = await browser.PostFormAsync("/admin/shop/coupons", new Dictionary<string, string> { ["Code"] = code, ["Kind"] = "percentage", ["Percent"] = "lots" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("Enter the percentage off", browser.LastPage, StringComparison.Ordinal);
        }
        using (var tooMuch = await browser.PostFormAsync("/admin/shop/coupons", new Dictionary<string, string> { ["Code"] = code, ["Kind"] = "percentage", ["Percent"] = "150" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooMuch.StatusCode);
            Assert.Contains("href=\"#Percent\"", browser.LastPage, StringComparison.Ordinal);
        }
        using (var created = await browser.PostFormAsync("/admin/shop/coupons", new Dictionary<string, string>
        {
            ["Code"] = code, ["Kind"] = "percentage", ["Percent"] = "15", ["MinimumSpend"] = "30", ["UsageLimit"] = "100",
        }))
        {
            Assert.Equal("/admin/shop/coupons?done=coupon-created", created.Headers.Location?.OriginalString);
        }
        (await browser.GetAsync("/admin/shop/coupons")).Dispose();
        Assert.Contains($"<code>{code}</code>", browser.LastPage, StringComparison.Ordinal);
        Assert.Contains("15%", browser.LastPage, StringComparison.Ordinal);
        using (var off = await browser.PostFormAsync($"/admin/shop/coupons?handler=Deactivate&code={code}", new Dictionary<string, string>()))
        {
            Assert.Equal("/admin/shop/coupons?done=coupon-deactivated", off.Headers.Location?.OriginalString);
        }
        await using (var db = stack.Shop!.OpenDb())
        {
            var coupon = await db.Coupons.AsNoTracking().SingleAsync(c => c.Code == code);
            Assert.Equal((1_500, 3_000L, 100, false), (coupon.PercentageBasisPoints, coupon.MinimumSpendPence, coupon.UsageLimit!.Value, coupon.Active));
        }

        using var vouchers = await browser.GetAsync("/admin/shop/vouchers");
        Assert.Equal(HttpStatusCode.OK, vouchers.StatusCode);
        Assert.Contains("last four symbols", browser.LastPage, StringComparison.Ordinal);
        Assert.DoesNotContain("There is a problem", browser.LastPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_gets_the_403_page_for_products_coupons_and_vouchers()
    {
        var (email, password) = await stack.CreateStaffAsync("editor");
        using var browser = stack.Browser();
        (await browser.SignInAsync(email, password)).Dispose();
        foreach (var path in new[] { "/admin/shop/products", $"/admin/shop/products/{Guid.NewGuid()}", "/admin/shop/coupons", "/admin/shop/vouchers" })
        {
            using var typed = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Forbidden, typed.StatusCode);
        }
    }
}
