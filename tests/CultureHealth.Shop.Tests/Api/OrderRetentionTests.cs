using CultureHealth.Messaging.Erasure;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Tests.Api;

/// <summary>The retention job runs every second here; the policy keeps its default (7 years after the order).</summary>
public sealed class RetentionShopServiceFixture : ShopServiceFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["Shop:Retention:Interval"] = "00:00:01",
    };
}

/// <summary>Orders past the retention policy keep their amounts and lose who bought them and where they went; younger ones keep both.</summary>
public sealed class OrderRetentionTests(RetentionShopServiceFixture shop) : IClassFixture<RetentionShopServiceFixture>
{
    private readonly HttpClient _client = shop.Service.CreateClient();

    [Fact]
    public async Task Orders_older_than_the_policy_are_anonymised_and_younger_ones_are_not()
    {
        var product = await ShopClient.AddProductAsync(shop.Service);
        var (old, _, _) = await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 1)));
        var (young, _, _) = await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 1)));
        await using (var db = shop.Service.OpenDb())
        {
            var now = DateTimeOffset.UtcNow;
            await db.Orders.Where(o => o.Id == old).ExecuteUpdateAsync(s => s.SetProperty(o => o.CreatedAt, now.AddYears(-7).AddDays(-30)));
            await db.Orders.Where(o => o.Id == young).ExecuteUpdateAsync(s => s.SetProperty(o => o.CreatedAt, now.AddYears(-7).AddDays(30)));
        }

        await Eventually.TrueAsync(async () =>
        {
            await using var db = shop.Service.OpenDb();
            var order = await db.Orders.AsNoTracking().SingleAsync(o => o.Id == old);
            return order.CustomerEmail == ErasedPersonalData.Email && order.CustomerName == ErasedPersonalData.Name
                && order.ShippingLine1 is null && order.ShippingPostcode is null;
        }, TimeSpan.FromSeconds(60), "the job anonymised the order past the policy");

        await Eventually.HoldsAsync(() =>
        {
            using var db = shop.Service.OpenDb();
            var order = db.Orders.AsNoTracking().Single(o => o.Id == young);
            return order.CustomerEmail == "sam@example.com" && order.ShippingLine1 == "1 Harley Street";
        }, TimeSpan.FromSeconds(3), "an order inside the policy keeps its customer and address");

        await using var check = shop.Service.OpenDb();
        var kept = await check.Orders.AsNoTracking().Include(o => o.Items).SingleAsync(o => o.Id == old);
        Assert.Equal(product.PricePence, kept.Items.Single().UnitPricePence);
        Assert.True(kept.TotalPence > 0);
    }
}
