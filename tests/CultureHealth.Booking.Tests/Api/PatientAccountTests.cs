using System.Net;
using System.Net.Http.Json;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Data;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using static CultureHealth.Booking.Tests.Api.BookingServiceFixture;

namespace CultureHealth.Booking.Tests.Api;

/// <summary>Issue 17, "My account": a patient's bookings by the address their token proves, and managing them with it.</summary>
[Collection(BookingServiceCollection.Name)]
public sealed class PatientAccountTests(BookingServiceFixture fixture)
{
    [Fact]
    public async Task A_patients_bookings_are_looked_up_through_the_normalised_email_index()
    {
        await using var db = fixture.Service.OpenDb();

        await QueryPlans.AssertUsesIndexAsync(db, PatientBookings.MadeFor(db, "pat@example.com"), "ix_bookings_patient_email_lookup");
    }

    [Fact]
    public async Task My_bookings_lists_guest_and_signed_in_bookings_of_the_tokens_address_and_nobody_elses()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var guest = fixture.Service.CreateClient();
        var email = $"Acct-{Guid.NewGuid():N}@Example.com";
        var stranger = $"stranger-{Guid.NewGuid():N}@example.com";
        // A guest booking (confirmed by the emailed link) made with different capitals, one made signed in, one cancelled,
        // and one of another address.
        var asGuest = await fixture.BookAsync(guest, Request(diary, await SlotAfterAsync(guest, diary, Duration.FromDays(2)), "  " + email.ToUpperInvariant()));
        var signedIn = await BookAsPatientAsync(guest, Request(diary, await SlotAfterAsync(guest, diary, Duration.FromDays(3)), email), email.ToLowerInvariant());
        var cancelled = await fixture.BookAsync(guest, Request(diary, await SlotAfterAsync(guest, diary, Duration.FromDays(4)), email));
        using (var cancel = await guest.PostAsync(new Uri($"/api/booking/bookings/{cancelled.Booking.Id}/cancel?token={cancelled.ManageToken}", UriKind.Relative), null))
        {
            Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        }
        var theirs = await fixture.BookAsync(guest, Request(diary, await SlotAfterAsync(guest, diary, Duration.FromDays(5)), stranger));

        using var mine = fixture.Service.CreateClient(TestPatients.TokenFor(email));
        using var response = await mine.GetAsync(new Uri("/api/booking/me/bookings", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var list = (await response.Content.ReadFromJsonAsync<MyBookings>(Json))!;

        Assert.Equal(email.ToLowerInvariant(), list.Email);
        Assert.Equal([asGuest.Booking.Id, signedIn.Booking.Id], list.Upcoming.Select(b => b.Id));
        Assert.Equal(cancelled.Booking.Id, Assert.Single(list.Past).Id);
        Assert.DoesNotContain(list.Upcoming.Concat(list.Past), b => b.Id == theirs.Booking.Id);

        // The stranger sees only theirs; no token, a forged or an unverified one sees nothing at all.
        using var strangers = fixture.Service.CreateClient(TestPatients.TokenFor(stranger));
        var other = (await strangers.GetFromJsonAsync<MyBookings>(new Uri("/api/booking/me/bookings", UriKind.Relative), Json))!;
        Assert.Equal(theirs.Booking.Id, Assert.Single(other.Upcoming).Id);
        Assert.Empty(other.Past);
        using var forgedKey = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        foreach (var token in new string?[] { null, TestPatients.TokenFor(email, signedWith: forgedKey), TestPatients.TokenFor(email, emailVerified: false), TestPatients.TokenFor(email, lifetime: TimeSpan.FromMinutes(-5)) })
        {
            using var client = fixture.Service.CreateClient(token);
            using var refused = await client.GetAsync(new Uri("/api/booking/me/bookings", UriKind.Relative));
            Assert.True(refused.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{(int)refused.StatusCode} for {token ?? "no token"}");
        }
    }

    [Fact]
    public async Task The_owners_patient_token_opens_cancels_and_moves_their_booking_and_another_addresses_token_gets_404()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        using var guest = fixture.Service.CreateClient();
        var email = $"manage-{Guid.NewGuid():N}@example.com";
        var booked = await fixture.BookAsync(guest, Request(diary, await SlotAfterAsync(guest, diary, Duration.FromDays(3)), email));
        var path = $"/api/booking/bookings/{booked.Booking.Id}";
        var newStart = await SlotAfterAsync(guest, diary, Duration.FromDays(6));
        var move = new { start = newStart.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture) };

        // Someone else's token (and no credential) gets exactly what an unknown booking gets, and changes nothing.
        using var stranger = fixture.Service.CreateClient(TestPatients.TokenFor("not-the-owner@example.com"));
        using var anonymous = fixture.Service.CreateClient();
        foreach (var client in new[] { stranger, anonymous })
        {
            using var look = await client.GetAsync(new Uri(path, UriKind.Relative));
            using var cancel = await client.PostAsync(new Uri(path + "/cancel", UriKind.Relative), null);
            using var reschedule = await client.PostAsJsonAsync(new Uri(path + "/reschedule", UriKind.Relative), move);
            Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound], new[] { look.StatusCode, cancel.StatusCode, reschedule.StatusCode });
        }
        await using (var db = fixture.Service.OpenDb())
        {
            var row = await db.Bookings.AsNoTracking().SingleAsync(b => b.Id == booked.Booking.Id);
            Assert.Equal("confirmed", BookingStatusNames.ToText(row.Status));
            Assert.Equal(Instant.FromDateTimeOffset(booked.Booking.Start), row.Start);
        }

        // The owner's token, with no manage token, does all three.
        using var owner = fixture.Service.CreateClient(TestPatients.TokenFor(email.ToUpperInvariant()));
        var seen = await owner.GetFromJsonAsync<BookingDto>(new Uri(path, UriKind.Relative), Json);
        Assert.Equal(booked.Booking.Id, seen!.Id);
        using var moved = await owner.PostAsJsonAsync(new Uri(path + "/reschedule", UriKind.Relative), move);
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(newStart, (await moved.Content.ReadFromJsonAsync<BookingDto>(Json))!.Start);
        using var cancelled = await owner.PostAsync(new Uri(path + "/cancel", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.Content.ReadFromJsonAsync<BookingDto>(Json))!.Status);
    }
}
