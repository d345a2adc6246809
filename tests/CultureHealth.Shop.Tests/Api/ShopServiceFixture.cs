using CultureHealth.Shop.Data;
using CultureHealth.Testing;

namespace CultureHealth.Shop.Tests.Api;

/// <summary>One shop host per test class, on its own database and RabbitMQ vhost.</summary>
public class ShopServiceFixture : IAsyncLifetime
{
    public const string WebhookSecret = "whsec_test_0123456789abcdef0123456789abcdef";

    public TestService<ShopDbContext> Service { get; private set; } = null!;

    /// <summary>The tests here check out many unpaid orders as one customer; the caps have tests of their own.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Shop:WebhookSecret"] = WebhookSecret,
        ["Shop:MaxUnpaidOrdersPerEmail"] = "100000",
        ["Shop:MaxUnpaidOrdersPerClient"] = "100000",
    };

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("shop-" + Guid.NewGuid().ToString("N")[..8]);
        Service = await TestService<ShopDbContext>.StartAsync("shop", vhost, settings: Settings);
    }

    public async Task DisposeAsync() => await Service.DisposeAsync();
}

/// <summary>Unpaid orders time out within a second and the sweeper runs every 100 ms.</summary>
public sealed class FastSweeperShopServiceFixture : ShopServiceFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Shop:WebhookSecret"] = WebhookSecret,
        ["Shop:MaxUnpaidOrdersPerEmail"] = "100000",
        ["Shop:PaymentTimeout"] = "00:00:01",
        ["Shop:SweeperInterval"] = "00:00:00.100",
    };
}
