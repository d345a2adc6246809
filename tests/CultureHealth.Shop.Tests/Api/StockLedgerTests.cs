using CultureHealth.Contracts;
using CultureHealth.Shop.Application.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CultureHealth.Shop.Tests.Api;

/// <summary>Checkout's reservations and a cancellation's release go through one ledger with one low-stock rule.</summary>
public sealed class StockLedgerTests(ShopServiceFixture shop) : IClassFixture<ShopServiceFixture>
{
    private readonly HttpClient _client = shop.Service.CreateClient();

    [Fact]
    public async Task Sales_raise_StockLow_once_as_the_threshold_is_reached_and_a_cancelled_orders_release_is_in_the_ledger()
    {
        var product = await ShopClient.AddProductAsync(shop.Service, stock: 5, lowStockThreshold: 2);
        await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 2))); // 5 -> 3
        Assert.Empty(await StockLowFor(product.Id));

        var (crossingOrderId, _, _) = await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 1))); // 3 -> 2
        await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 1))); // 2 -> 1
        var stockLow = Assert.Single(await StockLowFor(product.Id));
        Assert.Equal((2, 2, product.Sku), (stockLow.Stock, stockLow.Threshold, stockLow.Sku));

        await using (var scope = shop.Service.Factory.Services.CreateAsyncScope())
        {
            var cancellation = scope.ServiceProvider.GetRequiredService<OrderCancellation>();
            Assert.True(await cancellation.CancelUnpaidAsync(crossingOrderId, "system:test", "Test cancellation", onlyIfOverdue: false, CancellationToken.None));
        }

        Assert.Equal(2, await ShopClient.StockOfAsync(shop.Service, product.Id));
        await using var db = shop.Service.OpenDb();
        var ledger = await db.StockAdjustments.AsNoTracking().Where(a => a.ProductId == product.Id).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([-2, -1, -1, 1], ledger.Select(a => a.Delta));
        Assert.Equal([3, 2, 1, 2], ledger.Select(a => a.StockAfter));
        var release = ledger[^1];
        Assert.Equal((crossingOrderId, "system:test"), (release.OrderId, release.Actor));
        Assert.StartsWith("Released: order ", release.Reason, StringComparison.Ordinal);
        Assert.All(ledger.Take(3), a => Assert.StartsWith("Reserved for order ", a.Reason, StringComparison.Ordinal));
        // Climbing back over the threshold is not news; only falling to it is.
        Assert.Single(await StockLowFor(product.Id));
    }

    private async Task<List<StockLow>> StockLowFor(Guid productId) =>
        (await shop.Service.OutboxEventsAsync<StockLow>()).Where(e => e.ProductId == productId).ToList();
}
