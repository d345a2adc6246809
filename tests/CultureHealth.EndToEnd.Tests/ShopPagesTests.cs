using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CultureHealth.EndToEnd.Tests;

/// <summary>
/// The shop's pages one by one: the list and its categories, a product for search engines, the cart's changes
/// answered inline, checkout's field errors from the shop, a double submit that is one order, the old URLs.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class ShopPagesTests(SiteStack site, ITestOutputHelper output)
{
    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task The_shop_lists_products_by_category_with_treatment_packages_and_gift_vouchers(Screen screen)
    {
        await using var browse = await Browse.OpenAsync(site, screen, output);
        var page = browse.Page;
        await browse.VisitAsync("/shop", "shop");
        var names = await page.Locator(".product-card h2").AllInnerTextsAsync();
        Assert.Contains("Foam roller 45 cm", names);
        Assert.Contains("5 follow-up sessions", names);
        Assert.Contains("Gift voucher £25", names);
        Assert.Equal(["All products", "Equipment", "Gift vouchers", "Recovery", "Support", "Treatment packages"],
            await page.Locator(".shop-categories a").AllInnerTextsAsync());

        await page.Locator(".shop-categories").GetByRole(AriaRole.Link, new() { Name = "Treatment packages", Exact = true }).ClickAsync();
        await page.WaitForAddressAsync("**/shop/category/treatment-packages");
        await browse.CheckAsync("shop-category");
        Assert.Equal(["3 sports massages", "5 follow-up sessions"], await page.Locator(".product-card h2").AllInnerTextsAsync());
        Assert.Equal("page", await page.Locator(".shop-categories").GetByRole(AriaRole.Link, new() { Name = "Treatment packages", Exact = true }).GetAttributeAsync("aria-current"));

        await browse.VisitAsync("/shop/gift-voucher-25", "product-voucher");
        Assert.Contains("We email you the voucher's code", await page.Locator("main").InnerTextAsync());
        await browse.VisitAsync("/shop/category/no-such-category", "shop-category-missing", status: 404);
        await browse.VisitAsync("/shop/no-such-product", "product-missing", status: 404);
    }

    [Fact]
    public async Task A_product_page_tells_search_engines_its_price_stock_and_one_url()
    {
        await using var browse = await Browse.OpenAsync(site, output: output);
        var page = browse.Page;
        await browse.VisitAsync("/shop/foam-roller-45cm", "product");
        Assert.Equal("Foam roller 45 cm | Cultural Health Club", await page.TitleAsync());
        Assert.Equal(site.PublicUrl.ToString().TrimEnd('/') + "/shop/foam-roller-45cm", await page.Locator("link[rel=canonical]").GetAttributeAsync("href"));
        Assert.StartsWith("Foam roller 45 cm, £24.99: ", await page.Locator("meta[name=description]").GetAttributeAsync("content"));
        Assert.Equal(0, await page.Locator("meta[name=robots]").CountAsync());

        var jsonLd = (await page.Locator("script[type='application/ld+json']").AllTextContentsAsync()).Select(j => JsonDocument.Parse(j).RootElement).ToList();
        var product = Assert.Single(jsonLd, j => j.GetProperty("@type").GetString() == "Product");
        Assert.Equal("FOAM-ROLLER-45", product.GetProperty("sku").GetString());
        var offer = product.GetProperty("offers");
        Assert.Equal("Offer", offer.GetProperty("@type").GetString());
        Assert.Equal("24.99", offer.GetProperty("price").GetString());
        Assert.Equal("GBP", offer.GetProperty("priceCurrency").GetString());
        Assert.Equal("https://schema.org/InStock", offer.GetProperty("availability").GetString());
        Assert.Contains(jsonLd, j => j.GetProperty("@type").GetString() == "BreadcrumbList");
    }

    [Fact]
    public async Task Shop_pages_have_their_own_titles_and_descriptions()
    {
        using var client = site.GatewayClient();
        var pages = new[] { "/shop", "/shop/category/equipment", "/shop/category/gift-vouchers", "/shop/foam-roller-45cm",
            "/shop/five-follow-up-sessions", "/shop/gift-voucher-25", "/cart" };
        var titles = new HashSet<string>();
        var descriptions = new HashSet<string>();
        foreach (var path in pages)
        {
            var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
            Assert.True(titles.Add(System.Text.RegularExpressions.Regex.Match(html, "<title>([^<]*)</title>").Groups[1].Value), $"{path}: title used twice");
            Assert.True(descriptions.Add(System.Text.RegularExpressions.Regex.Match(html, "<meta name=\"description\" content=\"([^\"]*)\"").Groups[1].Value), $"{path}: description used twice");
        }
    }

    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task The_cart_changes_quantities_takes_a_code_shows_the_shops_refusals_inline_and_empties(Screen screen)
    {
        await using var browse = await Browse.OpenAsync(site, screen, output);
        var shopper = new Shopper(browse);
        var page = browse.Page;

        await browse.VisitAsync("/cart", "cart-empty");
        Assert.Equal("Your cart is empty", await page.Locator(".empty-cart h2").InnerTextAsync());
        Assert.Equal("/shop", await page.GetByRole(AriaRole.Link, new() { Name = "Return to Shop" }).Last.GetAttributeAsync("href"));

        await shopper.AddToCartAsync("foam-roller-45cm", 1, "product");
        await browse.VisitAsync("/cart", "cart");
        Assert.Contains("£3.95", await page.Locator(".totals").InnerTextAsync());

        await page.GetByLabel("Discount code").FillAsync("NOT-A-CODE");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.Locator("#coupon-error").WaitForAsync();
        await browse.CheckAsync("cart-coupon-error");
        Assert.Equal("true", await page.GetByLabel("Discount code").GetAttributeAsync("aria-invalid"));
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#coupon-error").InnerTextAsync()));

        await page.GetByLabel("Discount code").FillAsync("welcome10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply" }).ClickAsync();
        await page.WaitForAddressAsync("**/cart?done=coupon");
        Assert.Contains("Discount (WELCOME10)", await page.Locator(".totals").InnerTextAsync());
        Assert.Contains("−£2.50", await page.Locator(".totals").InnerTextAsync());

        // Three rollers: £74.97 less 10% is over £50, so delivery is free.
        await page.GetByLabel("Quantity of Foam roller 45 cm").FillAsync("3");
        await page.GetByRole(AriaRole.Button, new() { Name = "Update quantity of Foam roller 45 cm" }).ClickAsync();
        await page.WaitForAddressAsync("**/cart?done=updated");
        await browse.CheckAsync("cart-coupon");
        var totals = await page.Locator(".totals").InnerTextAsync();
        Assert.Contains("£74.97", totals);
        Assert.Contains("Free", totals);

        await page.GetByLabel("Quantity of Foam roller 45 cm").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Update quantity of Foam roller 45 cm" }).ClickAsync();
        await page.Locator(".cart-line-error").WaitForAsync();
        await browse.CheckAsync("cart-quantity-error");
        Assert.Equal("true", await page.GetByLabel("Quantity of Foam roller 45 cm").GetAttributeAsync("aria-invalid"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Foam roller 45 cm" }).ClickAsync();
        await page.WaitForAddressAsync("**/cart?done=removed");
        Assert.Equal("Your cart is empty", await page.Locator(".empty-cart h2").InnerTextAsync());
        Assert.Equal("empty", await shopper.MiniCartStateAsync());
    }

    [Fact]
    public async Task Checkout_shows_the_shops_field_errors_inline_and_a_double_submit_is_one_order()
    {
        var buyer = Buyer.New("Dana Double");
        await using var browse = await Browse.OpenAsync(site, output: output);
        var shopper = new Shopper(browse);
        var page = browse.Page;
        await shopper.AddToCartAsync("hot-cold-pack", 1, "product-pack");
        await browse.VisitAsync("/checkout", "checkout");

        await shopper.FillDetailsAsync(buyer with { Name = "", Postcode = "NOT A CODE" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue to payment" }).ClickAsync();
        await page.Locator("#checkout-postcode-error").WaitForAsync();
        await browse.CheckAsync("checkout-errors");
        Assert.Equal("Not a UK postcode.", await page.Locator("#checkout-postcode-error").InnerTextAsync());
        Assert.Equal("true", await page.GetByLabel("Postcode").GetAttributeAsync("aria-invalid"));
        Assert.True(await page.Locator("#checkout-name-error").IsVisibleAsync());
        Assert.Equal(buyer.Email, await page.GetByLabel("Email address").InputValueAsync());

        // The same form sent twice at once (a double click): the shop places one order and answers both with it.
        await shopper.FillDetailsAsync(buyer);
        var statuses = await page.EvaluateAsync<int[]>("""
            async () => {
              const form = document.querySelector('form.checkout-form');
              const send = () => fetch(form.action, { method: 'POST', body: new URLSearchParams(new FormData(form)), redirect: 'manual' });
              const answers = await Promise.all([send(), send()]);
              return answers.map(a => a.type === 'opaqueredirect' ? 302 : a.status);
            }
            """);
        Assert.Equal([302, 302], statuses);
        await using (var shop = site.Shop.OpenDb())
        {
            Assert.Equal(1, await shop.Orders.CountAsync(o => o.CustomerEmail == buyer.Email));
        }
        await browse.VisitAsync("/checkout/payment", "payment");
        Assert.Contains("Pay £12.94", await page.Locator("main").InnerTextAsync());
    }

    [Theory]
    [InlineData("/shop/", "/shop", "Shop")]
    [InlineData("/cart/", "/cart", "Your cart")]
    [InlineData("/product/foam-roller-45cm/", "/shop/foam-roller-45cm", "Foam roller 45 cm")]
    public async Task Old_shop_links_land_on_the_shop_pages(string old, string now, string heading)
    {
        await using var browse = await Browse.OpenAsync(site, output: output);
        await browse.VisitAsync(old, "old-link" + now.Replace('/', '-'));
        Assert.EndsWith(now, browse.Page.Url, StringComparison.Ordinal);
        Assert.Equal(heading, await browse.Page.Locator("h1").InnerTextAsync());
    }

    [Fact]
    public async Task Cart_and_order_tokens_stay_in_httponly_cookies()
    {
        await using var browse = await Browse.OpenAsync(site, output: output);
        await new Shopper(browse).AddToCartAsync("spiky-massage-ball", 1, "product-ball");
        var cookie = Assert.Single(await browse.Context.CookiesAsync(), c => c.Name == "ch-cart");
        Assert.True(cookie.HttpOnly);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
        Assert.Equal(43, cookie.Value.Length);
        Assert.DoesNotContain(cookie.Value, await browse.Page.ContentAsync());
        Assert.Empty(await browse.Page.EvaluateAsync<string>("() => document.cookie"));

        using var robots = site.GatewayClient();
        Assert.DoesNotContain("Disallow: /cart", await robots.GetStringAsync(new Uri("/robots.txt", UriKind.Relative)));
        using var response = await robots.GetAsync(new Uri("/checkout", UriKind.Relative));
        // No cart: checkout sends the visitor to their (empty) cart.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.EndsWith("/cart", response.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }
}
