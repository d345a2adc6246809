using System.Net;
using CultureHealth.Messaging.Outbox;
using CultureHealth.Shop.Domain;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Tests.Api;

public sealed class SweeperTests(FastSweeperShopServiceFixture shop) : IClassFixture<FastSweeperShopServiceFixture>
{
    private readonly HttpClient _client = shop.Service.CreateClient();

    [Fact]
    public async Task A_declined_order_is_cancelled_after_the_payment_timeout_and_its_stock_released_once()
    {
        var product = await ShopClient.AddProductAsync(shop.Service, stock: 4);
        var (orderId, token, _) = await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 3)));
        Assert.Equal(1, await ShopClient.StockOfAsync(shop.Service, product.Id));
        using (var declined = await ShopClient.PayAsync(_client, orderId, token, "tok_declined"))
        {
            Assert.Equal(HttpStatusCode.PaymentRequired, declined.StatusCode);
        }

        await Eventually.TrueAsync(async () =>
        {
            await using var db = shop.Service.OpenDb();
            return (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId)).Status == OrderStatus.Cancelled;
        }, TimeSpan.FromSeconds(20), "the sweeper cancelled the unpaid order");

        Assert.Equal(4, await ShopClient.StockOfAsync(shop.Service, product.Id));
        var order = await ShopClient.GetOrderAsync(_client, orderId, token);
        Assert.Equal("cancelled", order.GetProperty("status").GetString());
        await using var check = shop.Service.OpenDb();
        Assert.Equal(0, await check.StockAdjustments.Where(a => a.ProductId == product.Id).SumAsync(a => a.Delta));
        var cancelledEvents = await check.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType.Contains("OrderCancelled")).ToListAsync();
        Assert.Single(cancelledEvents, m => m.Payload.Contains(orderId.ToString(), StringComparison.Ordinal));

        using var lateCard = await ShopClient.PayAsync(_client, orderId, token, "tok_visa");
        Assert.Equal(HttpStatusCode.Conflict, lateCard.StatusCode);
    }

    [Fact]
    public async Task An_abandoned_order_is_cancelled_and_its_stock_released()
    {
        var product = await ShopClient.AddProductAsync(shop.Service, stock: 1);
        var (orderId, _, _) = await ShopClient.CheckoutOkAsync(_client, await ShopClient.CartWithAsync(_client, (product.Sku, 1)));

        await Eventually.TrueAsync(async () => await ShopClient.StockOfAsync(shop.Service, product.Id) == 1,
            TimeSpan.FromSeconds(20), "the abandoned order's stock came back");

        await using var db = shop.Service.OpenDb();
        Assert.Equal(OrderStatus.Cancelled, (await db.Orders.AsNoTracking().SingleAsync(o => o.Id == orderId)).Status);
    }
}
