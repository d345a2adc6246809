using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Contracts;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using MassTransit;

namespace CultureHealth.Platform.Tests;

/// <summary>Admin's dashboard is built from events, so it answers with the shop service stopped.</summary>
public sealed class DashboardTests(WholeStack stack) : IClassFixture<WholeStack>
{
    [Fact]
    public async Task The_dashboard_shows_what_the_services_announced_and_stays_up_with_the_shop_stopped()
    {
        var now = DateTimeOffset.UtcNow;
        var bookingId = Guid.NewGuid();
        var orderId = Guid.NewGuid();
        var commentId = Guid.NewGuid();
        var productId = Guid.NewGuid();
        var bus = stack.Booking.GetRequiredService<IBus>();
        var before = stack.AdminConsumed.Completed<BookingConfirmed>() + stack.AdminConsumed.Completed<OrderPaid>()
            + stack.AdminConsumed.Completed<CommentSubmitted>() + stack.AdminConsumed.Completed<StockLow>();

        // Events as the services publish them (the services' own tests prove they do).
        await bus.Publish(new BookingConfirmed(Guid.NewGuid(), now, bookingId, Guid.NewGuid(), "Amelia Hart", Guid.NewGuid(), "Initial assessment",
            now.AddMinutes(5), now.AddMinutes(65), "Sam Runner", "sam@example.com", 9500, "clinic"));
        await bus.Publish(new OrderPaid(Guid.NewGuid(), now, orderId, "CH-TEST-1", "buyer@example.com", "Buyer", 2995, 499,
            [new OrderLine("ROLLER", "Foam roller", 1, 2995, 2995, 499, "Physical")]));
        await bus.Publish(new CommentSubmitted(Guid.NewGuid(), now, commentId, Guid.NewGuid(), "running-injuries", "How Running Injuries Can Trigger Lower Back Pain",
            "Jo", "jo@example.com", "pending", Excerpt: "Great read"));
        await bus.Publish(new StockLow(Guid.NewGuid(), now, productId, "BANDS", "Resistance bands", 2, 5));
        await Eventually.TrueAsync(() => Task.FromResult(stack.AdminConsumed.Completed<BookingConfirmed>() + stack.AdminConsumed.Completed<OrderPaid>()
            + stack.AdminConsumed.Completed<CommentSubmitted>() + stack.AdminConsumed.Completed<StockLow>() >= before + 4),
            TimeSpan.FromSeconds(30), "admin consumed the four events");

        await stack.Shop.DisposeAsync();

        // An admin sees every section (other roles see theirs only: CultureHealth.Admin.Tests, DashboardByRoleTests).
        using var staff = stack.GatewayClient(TestStaff.TokenFor(StaffRoles.Admin));
        using var response = await staff.GetAsync(new Uri("/api/admin/dashboard", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var dashboard = await response.Content.ReadFromJsonAsync<JsonElement>();

        var diary = dashboard.GetProperty("todaysBookings").EnumerateArray().Concat(dashboard.GetProperty("tomorrowsBookings").EnumerateArray());
        Assert.Contains(diary, b => b.GetProperty("bookingId").GetGuid() == bookingId && b.GetProperty("patientName").GetString() == "Sam Runner");
        Assert.Contains(dashboard.GetProperty("ordersNeedingFulfilment").EnumerateArray(), o => o.GetProperty("orderId").GetGuid() == orderId);
        Assert.Contains(dashboard.GetProperty("commentsAwaitingModeration").EnumerateArray(), c => c.GetProperty("commentId").GetGuid() == commentId);
        Assert.Contains(dashboard.GetProperty("lowStock").EnumerateArray(), s => s.GetProperty("sku").GetString() == "BANDS");
        Assert.True(dashboard.GetProperty("revenue").GetProperty("todayPence").GetInt64() >= 2995);

        // The shop really is down: its back-office route answers 503 through admin, not a hang or a 500.
        using var manager = stack.GatewayClient(TestStaff.TokenFor(StaffRoles.ShopManager));
        using var orders = await manager.GetAsync(new Uri("/api/admin/shop/orders", UriKind.Relative));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, orders.StatusCode);
    }

    [Fact]
    public async Task A_practitioner_sees_only_their_own_diary()
    {
        var mine = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var bus = stack.Booking.GetRequiredService<IBus>();
        var before = stack.AdminConsumed.Completed<BookingConfirmed>();
        var ownBooking = Guid.NewGuid();
        var otherBooking = Guid.NewGuid();
        await bus.Publish(new BookingConfirmed(Guid.NewGuid(), now, ownBooking, mine, "Me", Guid.NewGuid(), "Follow-up",
            now.AddMinutes(10), now.AddMinutes(55), "Patient A", "a@example.com", 7500, "clinic"));
        await bus.Publish(new BookingConfirmed(Guid.NewGuid(), now, otherBooking, Guid.NewGuid(), "Someone else", Guid.NewGuid(), "Follow-up",
            now.AddMinutes(10), now.AddMinutes(55), "Patient B", "b@example.com", 7500, "clinic"));
        await Eventually.TrueAsync(() => Task.FromResult(stack.AdminConsumed.Completed<BookingConfirmed>() >= before + 2),
            TimeSpan.FromSeconds(30), "admin consumed both bookings");

        var token = TestStaff.TokenFor(new StaffIdentity(Guid.NewGuid(), "me@test.culturehealth.local", "Me", [StaffRoles.Practitioner], mine));
        using var client = stack.Admin.CreateClient(token);
        var dashboard = await client.GetFromJsonAsync<JsonElement>("/api/admin/dashboard");
        var ids = dashboard.GetProperty("todaysBookings").EnumerateArray().Concat(dashboard.GetProperty("tomorrowsBookings").EnumerateArray())
            .Select(b => b.GetProperty("bookingId").GetGuid()).ToList();
        Assert.Contains(ownBooking, ids);
        Assert.DoesNotContain(otherBooking, ids);
    }
}
