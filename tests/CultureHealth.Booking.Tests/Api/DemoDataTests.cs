using System.Net.Http.Json;
using CultureHealth.Booking.Application;
using CultureHealth.Booking.Data;
using CultureHealth.Messaging.Data;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CultureHealth.Booking.Tests.Api.BookingServiceFixture;

namespace CultureHealth.Booking.Tests.Api;

public sealed class DemoDataTests
{
    [Fact]
    public async Task The_demo_clinic_seeds_once_and_offers_bookable_slots()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("booking-seed-" + Guid.NewGuid().ToString("N")[..8]);
        await using var service = await TestService<BookingDbContext>.StartAsync("booking", vhost,
            settings: new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" });

        // Seeding again (as every start does) adds nothing.
        await using (var scope = service.Factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<BookingDbContext>();
            foreach (var seeder in scope.ServiceProvider.GetServices<IDemoDataSeeder<BookingDbContext>>())
            {
                await seeder.SeedAsync(db, CancellationToken.None);
            }
        }

        using var client = service.CreateClient();
        var practitioners = await client.GetFromJsonAsync<List<PractitionerDto>>("/api/booking/practitioners", Json);
        var types = await client.GetFromJsonAsync<List<AppointmentTypeDto>>("/api/booking/appointment-types", Json);
        var initial = types!.Single(t => t.Code == "initial-assessment");
        var availability = await client.GetFromJsonAsync<AvailabilityDto>(
            $"/api/booking/availability?appointmentTypeId={initial.Id}&from={Today:yyyy-MM-dd}&to={Today.PlusDays(29):yyyy-MM-dd}", Json);

        Assert.Equal(8, practitioners!.Count);
        Assert.Equal(["follow-up", "initial-assessment", "rehab-gym-session", "sports-massage", "video-consultation"], types!.Select(t => t.Code).Order());
        Assert.Equal("treatment-room", initial.RoomKind);
        Assert.Null(types!.Single(t => t.Code == "video-consultation").RoomKind);
        Assert.Equal(9500, initial.Price.Amount);
        Assert.Equal(7, availability!.Practitioners.Count);
        Assert.All(availability.Practitioners, p => Assert.NotEmpty(p.Slots));
        await using var check = service.OpenDb();
        Assert.Equal(16, await check.Closures.CountAsync());
        Assert.Equal(1, await check.Locations.CountAsync());
        Assert.Equal(["Rehab gym", "Treatment room 1", "Treatment room 2", "Treatment room 3"], await check.Rooms.OrderBy(r => r.Name).Select(r => r.Name).ToListAsync());
    }
}
