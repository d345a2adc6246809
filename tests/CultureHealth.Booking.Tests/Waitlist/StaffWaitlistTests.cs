using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Data;
using CultureHealth.Booking.Tests.Api;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using static CultureHealth.Booking.Tests.Waitlist.WaitlistSteps;

namespace CultureHealth.Booking.Tests.Waitlist;

/// <summary>The staff view of the waitlist: join order, live offers, diary roles only, a practitioner only what concerns them.</summary>
public sealed class StaffWaitlistTests(WaitlistBookingServiceFixture fixture) : IClassFixture<WaitlistBookingServiceFixture>
{
    private static string PractitionerToken(Guid? practitionerId) => TestStaff.TokenFor(new StaffIdentity(
        Guid.NewGuid(), "physio@test.culturehealth.local", "Physio", [StaffRoles.Practitioner], practitionerId));

    private static async Task<List<StaffWaitlistEntryDto>> ListAsync(HttpClient client, string query) =>
        (await client.GetFromJsonAsync<List<StaffWaitlistEntryDto>>($"/manage/booking/waitlist{query}", BookingServiceFixture.Json))!;

    [Fact]
    public async Task Reception_reads_waiting_entries_in_join_order_with_the_live_offer_and_a_practitioner_only_those_for_them_or_any()
    {
        var service = fixture.Service;
        var mine = await BookingServiceFixture.ArrangeDiaryAsync(service, durationMinutes: 60, bufferAfterMinutes: 0);
        var colleague = await BookingServiceFixture.ArrangeDiaryAsync(service);
        await using (var db = service.OpenDb())
        {
            // The colleague offers my appointment type too, so a waiter may ask for them by name.
            db.Offerings.Add(new PractitionerOffering { PractitionerId = colleague.PractitionerId, AppointmentTypeId = mine.TypeId });
            await db.SaveChangesAsync();
        }
        var ten = await BookAsync(service, mine, At(Day, 10));
        var first = await JoinAsync(service, NewEmail("first"), JoinBody(mine, Day, "10:00", "10:00", name: "First <Waiter>"));
        var anyone = await JoinAsync(service, NewEmail("anyone"), JoinBody(mine, Day.PlusDays(1), "09:00", "12:00", anyPractitioner: true));
        var forColleague = await JoinAsync(service, NewEmail("colleague"), new
        {
            appointmentTypeId = mine.TypeId, practitionerId = colleague.PractitionerId, fromDate = Day.ToString("yyyy-MM-dd", null),
            toDate = Day.PlusDays(1).ToString("yyyy-MM-dd", null), days = new[] { "monday", "friday" }, name = "For Colleague", phone = "07700 900222",
        });
        var otherType = await JoinAsync(service, NewEmail("other-type"), JoinBody(colleague, Day, "09:00", "12:00", anyPractitioner: true));
        using var reception = service.CreateClient(TestStaff.TokenFor(StaffRoles.Reception));
        using var me = service.CreateClient(PractitionerToken(mine.PractitionerId));

        var all = await ListAsync(reception, $"?appointmentTypeId={mine.TypeId}");
        Assert.Equal([first.Id, anyone.Id, forColleague.Id], all.Select(e => e.Entry.Id));
        var asked = all[2];
        Assert.Equal(("For Colleague", "07700 900222", colleague.PractitionerId, "Test " + colleague.Code), (asked.PatientName, asked.PatientPhone, asked.Entry.PractitionerId, asked.Entry.PractitionerName));
        Assert.Equal(["monday", "friday"], asked.Entry.Days);
        Assert.StartsWith("colleague-", asked.PatientEmail, StringComparison.Ordinal);
        Assert.Null(all[1].Entry.PractitionerId);
        Assert.Equal("First <Waiter>", all[0].PatientName);

        // Time comes free: the first waiter is offered it, and the list shows the hold.
        using (var patient = service.CreateClient())
        {
            await CancelAsync(patient, ten);
        }
        var offered = await Eventually.GetAsync(() => ListAsync(reception, $"?appointmentTypeId={mine.TypeId}"),
            list => list[0].Entry.Offer is not null, TimeSpan.FromSeconds(60), "the first waiter's live offer");
        var offer = offered[0].Entry.Offer!;
        Assert.Equal(At(Day, 10), offer.Start);
        Assert.Equal("Test " + mine.Code, offered[0].OfferPractitionerName);
        Assert.True(offer.HoldUntil > DateTimeOffset.UtcNow.AddMinutes(20), $"held until {offer.HoldUntil}");
        Assert.All(offered.Skip(1), e => Assert.Null(e.Entry.Offer));

        // A practitioner: entries asking for them, or for anyone of a type they offer; never another's by asking.
        Assert.Equal([first.Id, anyone.Id], (await ListAsync(me, "")).Select(e => e.Entry.Id));
        Assert.Equal([first.Id, anyone.Id], (await ListAsync(me, $"?appointmentTypeId={mine.TypeId}")).Select(e => e.Entry.Id));
        using var theirs = await me.GetAsync(new Uri($"/manage/booking/waitlist?practitionerId={colleague.PractitionerId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, theirs.StatusCode);
        var colleagues = await ListAsync(reception, $"?practitionerId={colleague.PractitionerId}");
        Assert.Equal([anyone.Id, forColleague.Id, otherType.Id], colleagues.Select(e => e.Entry.Id));
    }

    [Fact]
    public async Task Only_diary_roles_read_it_bad_filters_are_a_400_naming_the_field_and_answers_are_not_stored()
    {
        using var anonymous = fixture.Service.CreateClient();
        using var editor = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Editor));
        using var unlinked = fixture.Service.CreateClient(PractitionerToken(null));
        using var admin = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Admin));
        var waitlist = new Uri("/manage/booking/waitlist", UriKind.Relative);

        using var noToken = await anonymous.GetAsync(waitlist);
        using var wrongRole = await editor.GetAsync(waitlist);
        using var noPractitioner = await unlinked.GetAsync(waitlist);
        using var badType = await admin.GetAsync(new Uri("/manage/booking/waitlist?appointmentTypeId=knee", UriKind.Relative));
        using var badPractitioner = await admin.GetAsync(new Uri("/manage/booking/waitlist?practitionerId=42", UriKind.Relative));
        using var listed = await admin.GetAsync(waitlist);

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noPractitioner.StatusCode);
        foreach (var (response, field) in new[] { (badType, "appointmentTypeId"), (badPractitioner, "practitionerId") })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), $"{field} not named");
        }
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.True(listed.Headers.CacheControl?.NoStore, "patients' details must not be cached");
    }
}
