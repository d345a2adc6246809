using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Tests.Api;
using CultureHealth.Testing;
using static CultureHealth.Booking.Tests.Waitlist.WaitlistSteps;

namespace CultureHealth.Booking.Tests.Waitlist;

/// <summary>Joining, listing and leaving: only with a patient token, only one's own entries, bad input named.</summary>
public sealed class WaitlistEntryTests(WaitlistBookingServiceFixture fixture) : IClassFixture<WaitlistBookingServiceFixture>
{
    [Fact]
    public async Task Joining_needs_a_patient_token_and_bad_fields_are_a_400_naming_each()
    {
        var diary = await BookingServiceFixture.ArrangeDiaryAsync(fixture.Service);
        using var anonymous = fixture.Service.CreateClient();
        using var patient = fixture.Service.CreateClient(TestPatients.TokenFor(NewEmail("joiner")));

        using var noToken = await PostJoinAsync(anonymous, JoinBody(diary, Day, "09:00", "12:00"));
        using var bad = await PostJoinAsync(patient, new
        {
            fromDate = "tomorrow", toDate = Day.PlusDays(400).ToString("yyyy-MM-dd", null), days = new[] { "monday", "caturday" },
            earliestStart = "14:00", latestStart = "09:00", name = "",
        });
        using var unknownType = await PostJoinAsync(patient, new
        {
            appointmentTypeId = Guid.NewGuid(), fromDate = Day.ToString("yyyy-MM-dd", null), toDate = Day.ToString("yyyy-MM-dd", null), name = "Pat",
        });
        using var backwards = await PostJoinAsync(patient, new
        {
            appointmentTypeId = diary.TypeId, fromDate = Day.ToString("yyyy-MM-dd", null), toDate = Day.PlusDays(-1).ToString("yyyy-MM-dd", null), name = "Pat",
        });

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using (var problem = JsonDocument.Parse(await bad.Content.ReadAsStringAsync()))
        {
            var errors = problem.RootElement.GetProperty("errors");
            foreach (var field in new[] { "appointmentTypeId", "fromDate", "toDate", "days", "latestStart", "name" })
            {
                Assert.True(errors.TryGetProperty(field, out _), $"{field} not named in {errors}");
            }
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownType.StatusCode);
        Assert.Contains("appointmentTypeId", await unknownType.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Contains("toDate", await backwards.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_patient_lists_and_leaves_only_their_own_entries()
    {
        var diary = await BookingServiceFixture.ArrangeDiaryAsync(fixture.Service);
        var mine = NewEmail("mine");
        var theirs = NewEmail("theirs");
        var entry = await JoinAsync(fixture.Service, mine, new
        {
            appointmentTypeId = diary.TypeId, fromDate = Day.ToString("yyyy-MM-dd", null), toDate = Day.PlusDays(7).ToString("yyyy-MM-dd", null),
            days = new[] { "Tuesday", "thursday" }, earliestStart = "08:30", latestStart = "12:00", name = "Mine", phone = "07700 900111",
        });
        var other = await JoinAsync(fixture.Service, theirs, JoinBody(diary, Day, "09:00", "17:00", anyPractitioner: true));
        using var me = fixture.Service.CreateClient(TestPatients.TokenFor(mine));

        var list = await me.GetFromJsonAsync<List<WaitlistEntryDto>>("/api/booking/me/waitlist", BookingServiceFixture.Json);
        using var listed = await me.GetAsync(new Uri("/api/booking/me/waitlist", UriKind.Relative));
        using var leaveTheirs = await me.DeleteAsync(new Uri($"/api/booking/waitlist/{other.Id}", UriKind.Relative));
        using var leaveMine = await me.DeleteAsync(new Uri($"/api/booking/waitlist/{entry.Id}", UriKind.Relative));
        using var leaveAgain = await me.DeleteAsync(new Uri($"/api/booking/waitlist/{entry.Id}", UriKind.Relative));
        var after = await me.GetFromJsonAsync<List<WaitlistEntryDto>>("/api/booking/me/waitlist", BookingServiceFixture.Json);

        var shown = Assert.Single(list!);
        Assert.Equal(entry.Id, shown.Id);
        Assert.Equal(["tuesday", "thursday"], shown.Days);
        Assert.Equal("08:30", shown.EarliestStart);
        Assert.Equal("waiting", shown.Status);
        Assert.Contains("no-store", listed.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, leaveTheirs.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, leaveMine.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, leaveAgain.StatusCode);
        Assert.Empty(after!);
        await using var db = fixture.Service.OpenDb();
        Assert.Equal(WaitlistStatuses.Waiting, db.WaitlistEntries.Single(e => e.Id == other.Id).Status);
    }

    [Fact]
    public async Task Leaving_with_a_live_offer_passes_the_slot_to_the_next_waiter_at_once()
    {
        var diary = await BookingServiceFixture.ArrangeDiaryAsync(fixture.Service, durationMinutes: 60, bufferAfterMinutes: 0);
        var ten = await BookAsync(fixture.Service, diary, At(Day, 10));
        var leaverEmail = NewEmail("leaver");
        var leaver = await JoinAsync(fixture.Service, leaverEmail, JoinBody(diary, Day, "10:00", "10:00"));
        var next = await JoinAsync(fixture.Service, NewEmail("next"), JoinBody(diary, Day, "10:00", "10:00"));
        using var client = fixture.Service.CreateClient();
        await CancelAsync(client, ten);
        var offered = await Eventually.GetAsync(() => OffersAsync(fixture.Service, diary.PractitionerId, WaitlistOfferStatuses.Live),
            o => o.Count == 1, TimeSpan.FromSeconds(60), "the first waiter's offer");
        Assert.Equal(leaver.Id, offered[0].EntryId);
        var token = await EmailedTokenAsync(fixture.Service, offered[0].Id);

        using var me = fixture.Service.CreateClient(TestPatients.TokenFor(leaverEmail));
        var list = await me.GetFromJsonAsync<List<WaitlistEntryDto>>("/api/booking/me/waitlist", BookingServiceFixture.Json);
        Assert.Equal(offered[0].Id, Assert.Single(list!).Offer?.Id);
        using var left = await me.DeleteAsync(new Uri($"/api/booking/waitlist/{leaver.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);

        var passed = await Eventually.GetAsync(() => OffersAsync(fixture.Service, diary.PractitionerId, WaitlistOfferStatuses.Live),
            o => o.Count == 1 && o[0].EntryId == next.Id, TimeSpan.FromSeconds(60), "the next waiter's offer");
        Assert.Equal(offered[0].Start, passed[0].Start);
        using var withdrawn = await TakeAsync(client, offered[0].Id, token);
        Assert.Equal(HttpStatusCode.Conflict, withdrawn.StatusCode);
    }
}
