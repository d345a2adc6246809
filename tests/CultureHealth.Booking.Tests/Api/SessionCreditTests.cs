using System.Net;
using System.Net.Http.Json;
using CultureHealth.Booking.Api;
using CultureHealth.Contracts;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static CultureHealth.Booking.Tests.Api.BookingServiceFixture;

namespace CultureHealth.Booking.Tests.Api;

[Collection(BookingServiceCollection.Name)]
public sealed class SessionCreditTests(BookingServiceFixture fixture)
{
    [Fact]
    public async Task A_package_grants_credits_once_which_pay_for_a_booking_return_on_cancel_and_go_on_refund()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        var email = $"buyer-{Guid.NewGuid():N}@example.com";
        var orderId = Guid.NewGuid();
        var paid = new OrderPaid(Guid.NewGuid(), DateTimeOffset.UtcNow, orderId, "CH-1001", email.ToUpperInvariant(), "Pat Buyer", 36000, 6000,
        [
            new OrderLine("PKG-4", "Four follow-ups", 2, 18000, 36000, 6000, "TreatmentPackage", diary.Code, 2),
            new OrderLine("BAND-1", "Resistance band", 1, 900, 900, 150, "Product"),
        ]);
        var before = fixture.Consumed.Completed<OrderPaid>();

        // The same event twice, as a redelivery would bring it.
        await fixture.Bus.Publish(paid);
        await fixture.Bus.Publish(paid with { OccurredAt = paid.OccurredAt.AddSeconds(1) });
        await Eventually.TrueAsync(() => Task.FromResult(fixture.Consumed.Completed<OrderPaid>() >= before + 2),
            TimeSpan.FromSeconds(30), "both copies of OrderPaid were consumed");

        Assert.Equal(4, await RemainingAsync(orderId));

        using var client = fixture.Service.CreateClient();
        var created = await BookAsync(client, Request(diary, await SlotAfterAsync(client, diary, Duration.FromDays(3)), email, useCredit: true));
        Assert.Equal("credit", created.Booking.PaidBy);
        var kept = await BookAsync(client, Request(diary, await SlotAfterAsync(client, diary, Duration.FromDays(4)), email, useCredit: true));
        Assert.Equal(2, await RemainingAsync(orderId));

        var credits = await client.GetFromJsonAsync<CreditsDto>($"/api/booking/credits?email={Uri.EscapeDataString(email)}&token={created.ManageToken}", Json);
        Assert.Equal(2, credits!.TotalRemaining);
        using var stranger = await client.GetAsync($"/api/booking/credits?email={Uri.EscapeDataString(email)}&token=guess");
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);

        // Cancelled twice at once (a double click): one cancel wins, the other is told the booking is no longer
        // active, and the credit comes back once. Two bookings hold credits, so a second restore would show (one
        // booking's restore alone is capped by the grant's size).
        var cancels = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var cancel = await client.PostAsync($"/api/booking/bookings/{created.Booking.Id}/cancel?token={created.ManageToken}", null);
            return cancel.StatusCode;
        }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], cancels.Order());
        Assert.Equal(3, await RemainingAsync(orderId));

        // The refund, then its redelivery: the unused credits go once, and cancelling the booking that still
        // holds one does not bring a revoked credit back.
        var refund = new OrderRefunded(Guid.NewGuid(), DateTimeOffset.UtcNow, orderId, "CH-1001", email, 36900, FullRefund: true);
        var refundsBefore = fixture.Consumed.Completed<OrderRefunded>();
        await fixture.Bus.Publish(refund);
        await Eventually.TrueAsync(() => Task.FromResult(fixture.Consumed.Completed<OrderRefunded>() > refundsBefore),
            TimeSpan.FromSeconds(30), "OrderRefunded was consumed");
        Assert.Equal(0, await RemainingAsync(orderId));
        await fixture.Bus.Publish(refund with { OccurredAt = refund.OccurredAt.AddSeconds(1) });
        await Eventually.TrueAsync(() => Task.FromResult(fixture.Consumed.Completed<OrderRefunded>() > refundsBefore + 1),
            TimeSpan.FromSeconds(30), "the redelivered OrderRefunded was consumed");
        Assert.Equal(0, await RemainingAsync(orderId));
        using (var cancelKept = await client.PostAsync($"/api/booking/bookings/{kept.Booking.Id}/cancel?token={kept.ManageToken}", null))
        {
            Assert.Equal(HttpStatusCode.OK, cancelKept.StatusCode);
        }
        Assert.Equal(0, await RemainingAsync(orderId));

        using var noCredit = await PostBookingAsync(client, Request(diary, await SlotAfterAsync(client, diary, Duration.FromDays(5)), email, useCredit: true));
        await AssertNoCreditAsync(noCredit);
    }

    [Fact]
    public async Task Concurrent_credit_bookings_never_spend_more_credits_than_were_granted()
    {
        var diary = await fixture.ArrangeDiaryAsync(durationMinutes: 30, bufferAfterMinutes: 0);
        var email = $"racer-{Guid.NewGuid():N}@example.com";
        var orderId = Guid.NewGuid();
        await using (var db = fixture.Service.OpenDb())
        {
            db.CreditGrants.Add(new Data.SessionCreditGrant
            {
                Id = Guid.NewGuid(), OrderId = orderId, OrderNumber = "CH-2002", CustomerEmail = email, AppointmentTypeCode = diary.Code,
                Granted = 2, Remaining = 2, GrantedAt = SystemClock.Instance.GetCurrentInstant(),
            });
            await db.SaveChangesAsync();
        }

        using var client = fixture.Service.CreateClient();
        var day = Today.PlusDays(5);
        // Every other slot, so no two racers overlap and only the credits decide who wins.
        var slots = (await SlotsAsync(client, diary, day, day.PlusDays(6))).Where((_, i) => i % 2 == 0).Take(24).ToList();
        Assert.Equal(24, slots.Count);
        var answers = await Task.WhenAll(slots.Select(async slot =>
        {
            var response = await PostBookingAsync(client, Request(diary, slot.Start, email, useCredit: true));
            return response;
        }));

        try
        {
            Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
            // Every loser is told there was no credit, naming the field: not a 500, not a slot conflict.
            foreach (var loser in answers.Where(a => a.StatusCode != HttpStatusCode.Created))
            {
                await AssertNoCreditAsync(loser);
            }
            Assert.Equal(0, await RemainingAsync(orderId));
        }
        finally
        {
            foreach (var answer in answers)
            {
                answer.Dispose();
            }
        }
    }

    private static async Task AssertNoCreditAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(body);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("useCredit", out _), $"the problem should name useCredit: {body}");
    }

    private async Task<int> RemainingAsync(Guid orderId)
    {
        await using var db = fixture.Service.OpenDb();
        return await db.CreditGrants.Where(g => g.OrderId == orderId).SumAsync(g => g.Remaining);
    }
}
