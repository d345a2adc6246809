using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using MimeKit;
using Xunit.Abstractions;

namespace CultureHealth.EndToEnd.Tests.BackOffice;

/// <summary>
/// Editors' and shop managers' pages in a real browser through the gateway: each page visited passes axe (no
/// serious/critical violation) and is saved as a screenshot (backoffice-articles-*, -moderation-*, -shop-*).
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class EditorAndShopTests(SiteStack site, ITestOutputHelper output)
{
    [Fact]
    public async Task An_editor_schedules_an_article_that_appears_on_the_site_at_its_time_then_approves_a_held_comment()
    {
        var editor = await Staff.CreateAsync(site, "editor", "Edie Editor");
        await using var browse = await Browse.OpenAsync(site, Screen.Desktop, output);
        await Staff.SignInAsync(browse, editor);
        var page = browse.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Articles", Exact = true }).ClickAsync();
        await browse.CheckAsync("backoffice-articles");
        await page.GetByRole(AriaRole.Link, new() { Name = "New article" }).ClickAsync();

        var title = "Shoulder mobility " + Guid.NewGuid().ToString("N")[..6];
        await page.GetByLabel("Title", new() { Exact = true }).FillAsync(title);
        await page.GetByLabel("Author").SelectOptionAsync(new SelectOptionValue { Label = "Amelia Hart" });
        await page.GetByLabel("Text (Markdown)").FillAsync("## Warm up first\n\nRoll your shoulders **ten times**.");
        await page.GetByLabel("Tags").FillAsync("shoulders, mobility");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator(".preview__body h2")).ToHaveTextAsync("Warm up first");
        await browse.CheckAsync("backoffice-article-preview");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Article saved as a draft.");
        var id = Guid.Parse(ArticleIdPattern().Match(page.Url).Groups[1].Value);
        var slug = await page.GetByLabel("Address (slug)").InputValueAsync();

        // Schedule it a day ahead; then time passes (its publish time is moved into the past in content's own table).
        var tomorrow = Staff.NextWorkingDay(1);
        await page.GetByLabel("Date", new() { Exact = true }).FillAsync(Staff.Iso(tomorrow));
        await page.GetByLabel("Time", new() { Exact = true }).FillAsync("09:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Scheduled");
        await browse.CheckAsync("backoffice-article-scheduled");
        using var visitor = site.GatewayClient();
        using (var early = await visitor.GetAsync(new Uri($"/api/content/articles/{slug}", UriKind.Relative)))
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, early.StatusCode);
        }
        await using (var db = site.Content.OpenDb())
        {
            var past = DateTimeOffset.UtcNow.AddSeconds(-1);
            Assert.Equal(1, await db.Articles.Where(a => a.Id == id).ExecuteUpdateAsync(u => u.SetProperty(a => a.PublishAt, past)));
        }
        await Eventually.TrueAsync(async () =>
        {
            using var live = await visitor.GetAsync(new Uri($"/api/content/articles/{slug}", UriKind.Relative));
            return live.IsSuccessStatusCode;
        }, TimeSpan.FromSeconds(60), "the scheduled article is on the site");

        // A first-time commenter is held for moderation; the editor approves them from the queue.
        var commenter = "Cara Commenter " + Guid.NewGuid().ToString("N")[..4];
        using (var comment = await visitor.PostAsJsonAsync($"/api/content/articles/{slug}/comments",
            new { authorName = commenter, authorEmail = $"{Guid.NewGuid():N}@example.com", body = "Did this every morning, it helps." }))
        {
            Assert.True(comment.IsSuccessStatusCode, await comment.Content.ReadAsStringAsync());
        }
        await page.GetByRole(AriaRole.Link, new() { Name = "Moderation", Exact = true }).ClickAsync();
        var row = page.Locator("tr", new() { HasText = commenter });
        await Assertions.Expect(row).ToContainTextAsync("first-time commenter");
        await browse.CheckAsync("backoffice-moderation");
        await row.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Approved");
        await Eventually.TrueAsync(async () =>
        {
            var thread = await visitor.GetFromJsonAsync<JsonElement>($"/api/content/articles/{slug}/comments");
            return thread.GetRawText().Contains(commenter, StringComparison.Ordinal);
        }, TimeSpan.FromSeconds(30), "the approved comment shows on the article");

        // The clinic answers the comment: the reply shows under it on the article's page, signed by the clinic.
        await page.GetByRole(AriaRole.Link, new() { Name = "Approved", Exact = true }).ClickAsync();
        await page.Locator("tr", new() { HasText = commenter }).GetByRole(AriaRole.Link, new() { Name = "Reply as the clinic" }).ClickAsync();
        await browse.CheckAsync("backoffice-moderation-reply");
        var answer = "Glad it helps. Keep the movement slow " + Guid.NewGuid().ToString("N")[..4];
        await page.GetByLabel("Your reply, as the clinic").FillAsync(answer);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish reply" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your reply is on the site");
        await using var reader = await Browse.OpenAsync(site, Screen.Desktop, output);
        await Eventually.TrueAsync(async () =>
        {
            await reader.Page.GotoAsync($"/articles/{slug}");
            return await reader.Page.Locator($"ol[aria-label='Replies to {commenter}']").CountAsync() > 0;
        }, TimeSpan.FromSeconds(60), "the clinic's reply shows under the comment on the article");
        var replies = reader.Page.Locator($"ol[aria-label='Replies to {commenter}']");
        await Assertions.Expect(replies).ToContainTextAsync(answer);
        await Assertions.Expect(replies).ToContainTextAsync("Cultural Health Club");
        await Assertions.Expect(replies.Locator(".badge")).ToHaveTextAsync("Clinic team");

        var audit = await Staff.AuditAsync(site, editor);
        Assert.Contains(audit, a => a.Action == $"POST /content/articles/{id}/schedule" && a.Status == 200);
        Assert.Contains(audit, a => a.Action == "POST /content/comments/moderate" && a.Status == 200);
        Assert.Contains(audit, a => a.Action.StartsWith("POST /content/comments/", StringComparison.Ordinal) && a.Action.EndsWith("/reply", StringComparison.Ordinal) && a.Status == 201);
    }

    [Fact]
    public async Task A_shop_manager_ships_an_order_and_refunds_part_of_it_and_the_customers_emails_follow()
    {
        var customer = $"buyer.{Guid.NewGuid():N}"[..16] + "@example.com";
        var (orderId, number) = await PaidOrderAsync(customer);
        var manager = await Staff.CreateAsync(site, "shop-manager", "Sid Shop");
        await using var browse = await Browse.OpenAsync(site, Screen.Desktop, output);
        await Staff.SignInAsync(browse, manager);
        var page = browse.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Shop", Exact = true }).ClickAsync();
        await browse.CheckAsync("backoffice-shop-orders");
        await page.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await browse.CheckAsync("backoffice-shop-order");

        await page.GetByLabel("Tracking reference").FillAsync("RM987654321GB");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as shipped" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Marked as shipped.");
        await page.GetByLabel("Amount (£)").FillAsync("4.99");
        await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("Arrived scuffed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Refund", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Refunded");
        await browse.CheckAsync("backoffice-shop-order-refunded");

        var shipped = await MailAsync(customer, $"Order {number} is on its way");
        Assert.Contains("RM987654321GB", shipped.TextBody, StringComparison.Ordinal);
        await MailAsync(customer, $"Refund of £4.99 for order {number}");
        var audit = await Staff.AuditAsync(site, manager);
        Assert.Contains(audit, a => a.Action == $"POST /shop/orders/{orderId}/ship" && a.Status == 200);
        Assert.Contains(audit, a => a.Action == $"POST /shop/orders/{orderId}/refunds" && a.Status == 200);
    }

    [Theory]
    [InlineData(Screen.Phone)]
    public async Task The_editor_and_shop_pages_pass_axe_on_a_phone(Screen screen)
    {
        var admin = await Staff.CreateAsync(site, "admin", "Ada Admin");
        await using var browse = await Browse.OpenAsync(site, screen, output);
        await Staff.SignInAsync(browse, admin);
        await browse.VisitAsync("/admin/articles", "backoffice-articles");
        await browse.VisitAsync("/admin/articles/edit", "backoffice-article-new");
        await browse.VisitAsync("/admin/moderation", "backoffice-moderation");
        await browse.VisitAsync("/admin/shop", "backoffice-shop-orders");
        await browse.VisitAsync("/admin/shop/products", "backoffice-shop-products");
        await browse.VisitAsync("/admin/shop/coupons", "backoffice-shop-coupons");
        await browse.VisitAsync("/admin/shop/vouchers", "backoffice-shop-vouchers");
        await browse.VisitAsync("/admin/staff", "backoffice-staff");
        await browse.VisitAsync("/admin/audit", "backoffice-audit");
    }

    [Fact]
    public async Task A_shop_manager_adds_a_product_adjusts_its_stock_and_makes_a_coupon_and_an_admin_manages_an_account_all_passing_axe()
    {
        var manager = await Staff.CreateAsync(site, "shop-manager", "Sol Shop");
        await using var browse = await Browse.OpenAsync(site, Screen.Desktop, output);
        await Staff.SignInAsync(browse, manager);
        var page = browse.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Shop", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Products", Exact = true }).ClickAsync();
        await browse.CheckAsync("backoffice-shop-products");
        var sku = "E2E-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Resistance band " + sku);
        await page.GetByLabel("SKU").FillAsync(sku);
        await page.GetByLabel("Address on the shop (slug)").FillAsync(sku.ToLowerInvariant());
        await page.GetByLabel("Category").FillAsync("equipment"); // an existing category: the site's category list is checked elsewhere
        await page.GetByLabel("Price (£, VAT included)").FillAsync("7.50");
        await page.GetByLabel("Stock to start with").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add product" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Product created.");
        await page.GetByLabel("Units to add (or remove, with a minus sign)").FillAsync("6");
        await page.GetByLabel("Reason").FillAsync("Delivery from supplier");
        await page.GetByRole(AriaRole.Button, new() { Name = "Adjust stock" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Stock adjusted");
        await Assertions.Expect(page.Locator(".facts")).ToContainTextAsync("10");
        await browse.CheckAsync("backoffice-shop-product");

        await page.GetByRole(AriaRole.Link, new() { Name = "Coupons", Exact = true }).ClickAsync();
        var code = "E2E" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        await page.GetByLabel("Code", new() { Exact = true }).FillAsync(code);
        await page.GetByLabel("Percentage off (for a percentage)").FillAsync("10");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create coupon" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Coupon created.");
        await Assertions.Expect(page.Locator("tr", new() { HasText = code })).ToContainTextAsync("10%");
        await browse.CheckAsync("backoffice-shop-coupons");
        await page.GetByRole(AriaRole.Link, new() { Name = "Gift vouchers", Exact = true }).ClickAsync();
        await browse.CheckAsync("backoffice-shop-vouchers");

        var admin = await Staff.CreateAsync(site, "admin", "Abe Admin");
        await using var office = await Browse.OpenAsync(site, Screen.Desktop, output);
        await Staff.SignInAsync(office, admin);
        await office.Page.GetByRole(AriaRole.Link, new() { Name = "Staff", Exact = true }).ClickAsync();
        await office.CheckAsync("backoffice-staff");
        await office.Page.GetByRole(AriaRole.Link, new() { Name = "Sol Shop" }).ClickAsync();
        await office.CheckAsync("backoffice-staff-account");
        await office.Page.GetByLabel("Editor (articles and comments)").CheckAsync();
        await office.Page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
        await Assertions.Expect(office.Page.GetByRole(AriaRole.Status)).ToContainTextAsync("Saved.");
        await Assertions.Expect(office.Page.Locator(".facts")).ToContainTextAsync("Editor");
    }

    private async Task<MimeMessage> MailAsync(string to, string subject) =>
        (await Eventually.GetAsync(() => Task.FromResult(Directory.GetFiles(site.MailFolder, "*.eml").Select(f => MimeMessage.Load(f))
                .FirstOrDefault(m => m.To.Mailboxes.Any(a => a.Address == to) && m.Subject == subject)),
            m => m is not null, TimeSpan.FromSeconds(60), $"the email \"{subject}\" to {to}"))!;

    /// <summary>A customer's order through the gateway's public API: the demo shop's first physical product, posted, paid by card.</summary>
    private async Task<(Guid OrderId, string Number)> PaidOrderAsync(string email)
    {
        string sku;
        await using (var db = site.Shop.OpenDb())
        {
            sku = await db.Products.Where(p => p.Kind == CultureHealth.Shop.Domain.ProductKind.Physical && p.Active && p.Stock > 5)
                .OrderBy(p => p.Sku).Select(p => p.Sku).FirstAsync();
        }
        using var shop = site.GatewayClient();
        using var cart = await shop.PostAsync(new Uri("/api/shop/carts", UriKind.Relative), null);
        var cartId = (await cart.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cartId").GetString();
        using (var added = await shop.PostAsJsonAsync($"/api/shop/carts/{cartId}/items", new { sku, quantity = 1 }))
        {
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }
        using var checkout = new HttpRequestMessage(HttpMethod.Post, "/api/shop/checkout")
        {
            Content = JsonContent.Create(new
            {
                cartId, customer = new { name = "Bea Buyer", email },
                shippingAddress = new { line1 = "1 Harley Street", city = "London", postcode = "W1G 9QD", country = "GB" },
            }),
        };
        checkout.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var placed = await shop.SendAsync(checkout);
        Assert.True(placed.IsSuccessStatusCode, await placed.Content.ReadAsStringAsync());
        var order = await placed.Content.ReadFromJsonAsync<JsonElement>();
        var orderId = order.GetProperty("orderId").GetGuid();
        using var pay = new HttpRequestMessage(HttpMethod.Post, $"/api/shop/orders/{orderId}/payments")
        {
            Content = JsonContent.Create(new { paymentToken = "tok_visa", orderToken = order.GetProperty("accessToken").GetString() }),
        };
        pay.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var paid = await shop.SendAsync(pay);
        Assert.True(paid.IsSuccessStatusCode, await paid.Content.ReadAsStringAsync());
        await using var check = site.Shop.OpenDb();
        var number = await check.Orders.Where(o => o.Id == orderId).Select(o => o.Number).SingleAsync();
        return (orderId, number);
    }

    [GeneratedRegex("/admin/articles/edit/([0-9a-f-]{36})")]
    private static partial Regex ArticleIdPattern();
}
