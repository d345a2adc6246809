using System.Net;
using CultureHealth.Shop.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Tests.Api;

public sealed class OversellTests(ShopServiceFixture shop) : IClassFixture<ShopServiceFixture>
{
    [Fact]
    public async Task Hundred_concurrent_checkouts_for_ten_in_stock_make_exactly_ten_orders()
    {
        var product = await ShopClient.AddProductAsync(shop.Service, stock: 10);
        using var client = shop.Service.CreateClient();
        var carts = new List<string>();
        for (var i = 0; i < 100; i++)
        {
            carts.Add(await ShopClient.CartWithAsync(client, (product.Sku, 1)));
        }

        var responses = await Task.WhenAll(carts.Select(async cartId =>
        {
            using var response = await ShopClient.CheckoutAsync(client, cartId);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.Equal(10, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refused = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(90, refused.Count);
        Assert.All(refused, r =>
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Contains(product.Sku, r.Body, StringComparison.Ordinal);
            Assert.Contains("out-of-stock", r.Body, StringComparison.Ordinal);
        });

        await using var db = shop.Service.OpenDb();
        Assert.Equal(0, (await db.Products.AsNoTracking().SingleAsync(p => p.Id == product.Id)).Stock);
        Assert.Equal(10, await db.OrderItems.CountAsync(i => i.ProductId == product.Id));
        Assert.Equal(-10, await db.StockAdjustments.Where(a => a.ProductId == product.Id).SumAsync(a => a.Delta));
        // The losers left nothing behind: their carts are still open for another try.
        Assert.Equal(90, await db.Carts.CountAsync(c => c.OrderId == null && c.Items.Any(i => i.ProductId == product.Id)));
    }
}
