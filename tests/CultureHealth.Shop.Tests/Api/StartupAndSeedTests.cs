using CultureHealth.Shop.Data;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Tests.Api;

public sealed class StartupAndSeedTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("too-short-to-be-a-secret")]
    public async Task The_service_refuses_to_start_without_a_proper_webhook_secret(string? secret)
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("shop-start-" + Guid.NewGuid().ToString("N")[..8]);

        var failure = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var service = await TestService<ShopDbContext>.StartAsync("shop", vhost, settings: new Dictionary<string, string?>
            {
                ["Shop:WebhookSecret"] = secret,
            });
        });

        Assert.Contains("WebhookSecret", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_demo_seed_can_run_twice_and_adds_the_clinic_catalogue_once()
    {
        var connectionString = await ServiceDatabases.CreateAsync<ShopDbContext>("shop");
        var seeder = new ShopDemoData(TimeProvider.System);

        await using (var db = ServiceDatabases.Open<ShopDbContext>(connectionString))
        {
            await seeder.SeedAsync(db, CancellationToken.None);
        }

        await using (var db = ServiceDatabases.Open<ShopDbContext>(connectionString))
        {
            await seeder.SeedAsync(db, CancellationToken.None);
        }

        await using var check = ServiceDatabases.Open<ShopDbContext>(connectionString);
        Assert.Equal(9, await check.Products.CountAsync());
        var followUp = await check.Products.SingleAsync(p => p.Sku == "PKG-FOLLOWUP-5");
        Assert.Equal(("follow-up", 5), (followUp.AppointmentTypeCode, followUp.SessionsPerUnit));
        var massage = await check.Products.SingleAsync(p => p.Sku == "PKG-SPORTS-MASSAGE-3");
        Assert.Equal(("sports-massage", 3), (massage.AppointmentTypeCode, massage.SessionsPerUnit));
        Assert.Equal([2_500L, 5_000L], await check.Products.Where(p => p.Kind == CultureHealth.Shop.Domain.ProductKind.GiftVoucher).OrderBy(p => p.PricePence).Select(p => p.PricePence).ToListAsync());
        var welcome = await check.Coupons.SingleAsync(c => c.Code == "WELCOME10");
        Assert.Equal((1_000, 2_000L), (welcome.PercentageBasisPoints, welcome.MinimumSpendPence));
    }
}
