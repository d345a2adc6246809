using System.Net;
using System.Net.Http.Json;
using CultureHealth.Booking.Application;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using NodaTime;
using static CultureHealth.Booking.Tests.Api.BookingServiceFixture;

namespace CultureHealth.Booking.Tests.Api;

/// <summary>What the back office's diary reads and books through admin: staff roles only, practitioners their own diary only.</summary>
[Collection(BookingServiceCollection.Name)]
public sealed class StaffDiaryReadTests(BookingServiceFixture fixture)
{
    private static string PractitionerToken(Guid practitionerId) => TestStaff.TokenFor(new StaffIdentity(
        Guid.NewGuid(), "physio@test.culturehealth.local", "Physio", [StaffRoles.Practitioner], practitionerId));

    [Fact]
    public async Task Staff_availability_is_the_public_function_behind_diary_roles()
    {
        var diary = await fixture.ArrangeDiaryAsync();
        var from = Today.PlusDays(1).ToString("yyyy-MM-dd", null);
        var to = Today.PlusDays(7).ToString("yyyy-MM-dd", null);
        var query = $"availability?appointmentTypeId={diary.TypeId}&practitionerId={diary.PractitionerId}&from={from}&to={to}";
        using var anonymous = fixture.Service.CreateClient();
        using var editor = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Editor));
        using var reception = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Reception));

        using var noToken = await anonymous.GetAsync($"/manage/booking/{query}");
        using var wrongRole = await editor.GetAsync($"/manage/booking/{query}");
        var staff = await reception.GetFromJsonAsync<AvailabilityDto>($"/manage/booking/{query}", Json);
        var site = await anonymous.GetFromJsonAsync<AvailabilityDto>($"/api/booking/{query}", Json);

        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        Assert.NotEmpty(site!.Practitioners.Single().Slots);
        Assert.Equal(site.Practitioners.Single().Slots, staff!.Practitioners.Single().Slots);
    }

    [Fact]
    public async Task Reception_books_a_caller_confirmed_at_once_and_a_practitioner_only_into_their_own_diary()
    {
        var mine = await fixture.ArrangeDiaryAsync();
        var theirs = await fixture.ArrangeDiaryAsync();
        using var patient = fixture.Service.CreateClient();
        using var reception = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Reception));
        using var me = fixture.Service.CreateClient(PractitionerToken(mine.PractitionerId));

        var start = await SlotAfterAsync(patient, theirs, Duration.FromDays(2));
        using var intoTheirs = await StaffBookAsync(me, Request(theirs, start, "caller@example.com"));
        Assert.Equal(HttpStatusCode.Forbidden, intoTheirs.StatusCode);

        using var booked = await StaffBookAsync(reception, Request(theirs, start, "caller@example.com"));
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var created = (await booked.Content.ReadFromJsonAsync<BookingCreated>(Json))!;
        Assert.Equal("confirmed", created.Booking.Status);

        var one = await reception.GetFromJsonAsync<BookingDto>($"/manage/booking/bookings/{created.Booking.Id}", Json);
        Assert.Equal("caller@example.com", one!.Patient.Email);
        using var notMine = await me.GetAsync($"/manage/booking/bookings/{created.Booking.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, notMine.StatusCode);
    }

    [Fact]
    public async Task Working_hours_and_a_week_of_bookings_for_one_practitioner_or_the_clinic()
    {
        var mine = await fixture.ArrangeDiaryAsync();
        var theirs = await fixture.ArrangeDiaryAsync();
        using var me = fixture.Service.CreateClient(PractitionerToken(mine.PractitionerId));
        using var reception = fixture.Service.CreateClient(TestStaff.TokenFor(StaffRoles.Reception));
        var monday = Today.PlusDays(7).With(DateAdjusters.PreviousOrSame(IsoDayOfWeek.Monday)).ToString("yyyy-MM-dd", null);

        var own = await me.GetFromJsonAsync<List<WorkingHoursDto>>($"/manage/booking/working-hours?date={monday}&days=7", Json);
        Assert.Equal(7, own!.Count);
        Assert.All(own, d => Assert.Equal(mine.PractitionerId, d.PractitionerId));
        Assert.NotEmpty(own[0].Intervals);
        using var other = await me.GetAsync($"/manage/booking/working-hours?date={monday}&days=7&practitionerId={theirs.PractitionerId}");
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);

        var clinic = await reception.GetFromJsonAsync<List<WorkingHoursDto>>($"/manage/booking/working-hours?date={monday}", Json);
        Assert.Contains(clinic!, d => d.PractitionerId == theirs.PractitionerId);
        using var tooLong = await reception.GetAsync($"/manage/booking/bookings?date={monday}&days=8");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("days", await tooLong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> StaffBookAsync(HttpClient client, object body)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/manage/booking/bookings") { Content = JsonContent.Create(body) };
        message.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return await client.SendAsync(message);
    }
}
