using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Contracts;
using CultureHealth.Messaging.Outbox;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Platform.Tests;

/// <summary>A customer buys a treatment package through the gateway; booking grants the sessions, once.</summary>
public sealed class PackagePurchaseTests(WholeStack stack) : IClassFixture<WholeStack>
{
    [Fact]
    public async Task A_paid_package_becomes_session_credits_in_booking_exactly_once_even_when_OrderPaid_is_redelivered()
    {
        var sku = "PKG-FU5-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var email = $"runner.{Guid.NewGuid():N}@example.com";
        using var manager = stack.GatewayClient(TestStaff.TokenFor(StaffRoles.ShopManager));
        using (var created = await manager.PostAsJsonAsync("/api/admin/shop/products", new
        {
            sku, slug = sku.ToLowerInvariant(), name = "5 follow-up sessions", description = "Five follow-up appointments.",
            category = "treatment-packages", pricePence = 34000, vatClass = "exempt", kind = "treatmentPackage",
            appointmentTypeCode = "follow-up", sessionsPerUnit = 5,
        }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        using var shopper = stack.GatewayClient();
        using var cartResponse = await shopper.PostAsync(new Uri("/api/shop/carts", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.Created, cartResponse.StatusCode);
        var cartId = (await cartResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cartId").GetString();
        using (var added = await shopper.PostAsJsonAsync($"/api/shop/carts/{cartId}/items", new { sku, quantity = 1 }))
        {
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
        }

        using var checkout = new HttpRequestMessage(HttpMethod.Post, "/api/shop/checkout")
        {
            Content = JsonContent.Create(new { cartId, customer = new { name = "Sam Runner", email } }),
        };
        checkout.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var order = await shopper.SendAsync(checkout);
        Assert.Equal(HttpStatusCode.Created, order.StatusCode);
        var placed = await order.Content.ReadFromJsonAsync<JsonElement>();
        var orderId = placed.GetProperty("orderId").GetGuid();

        using var payment = new HttpRequestMessage(HttpMethod.Post, $"/api/shop/orders/{orderId}/payments")
        {
            Content = JsonContent.Create(new { paymentToken = "tok_visa", orderToken = placed.GetProperty("accessToken").GetString() }),
        };
        payment.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using (var paid = await shopper.SendAsync(payment))
        {
            Assert.Equal(HttpStatusCode.Created, paid.StatusCode);
        }

        // shop → outbox → RabbitMQ → booking's OrderPaid consumer.
        var grant = await Eventually.GetAsync(async () =>
        {
            await using var booking = stack.Booking.OpenDb();
            return await booking.CreditGrants.AsNoTracking().SingleOrDefaultAsync(g => g.OrderId == orderId);
        }, g => g is not null, TimeSpan.FromSeconds(30), "booking granted the package's credits");
        Assert.Equal(5, grant!.Granted);
        Assert.Equal(5, grant.Remaining);
        Assert.Equal("follow-up", grant.AppointmentTypeCode);
        Assert.Equal(email, grant.CustomerEmail);

        // Redeliver the very same OrderPaid (same event id) as a broker would after a lost ack.
        OrderPaid original;
        await using (var shop = stack.Shop.OpenDb())
        {
            var paidEvents = await shop.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.MessageType.StartsWith("CultureHealth.Contracts.OrderPaid,")).ToListAsync();
            var row = Assert.Single(paidEvents, m => m.Payload.Contains(orderId.ToString(), StringComparison.Ordinal));
            original = JsonSerializer.Deserialize<OrderPaid>(row.Payload, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        }
        Assert.Equal(1, await InboxCountAsync(original.EventId));
        var deliveriesBefore = stack.BookingConsumed.Completed<OrderPaid>();
        await stack.Shop.GetRequiredService<IBus>().Publish(original);
        await Eventually.TrueAsync(() => Task.FromResult(stack.BookingConsumed.Completed<OrderPaid>() > deliveriesBefore),
            TimeSpan.FromSeconds(30), "booking consumed the redelivered OrderPaid");
        Assert.Equal(1, await InboxCountAsync(original.EventId));

        await using (var booking = stack.Booking.OpenDb())
        {
            var grants = await booking.CreditGrants.AsNoTracking().Where(g => g.CustomerEmail == email).ToListAsync();
            Assert.Equal(5, Assert.Single(grants).Remaining);
        }
    }

    private async Task<int> InboxCountAsync(Guid eventId)
    {
        await using var booking = stack.Booking.OpenDb();
        return await booking.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM inbox_messages WHERE message_id = {eventId}").SingleAsync();
    }
}
