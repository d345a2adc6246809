using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Gateway;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using CultureHealth.ServiceDefaults.Secrets;
using CultureHealth.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace CultureHealth.Platform.Tests;

/// <summary>
/// The gateway and the shop with every framework log category at Information (as an operator debugging might set
/// them), their logs captured and their spans exported in memory.
/// </summary>
public sealed class RedactionStack : IAsyncLifetime
{
    public SpanCollector Spans { get; } = new();
    public CapturedLogs GatewayLogs { get; } = new();
    public CapturedLogs ShopLogs { get; } = new();
    public TestService<ShopDbContext> Shop { get; private set; } = null!;
    public ServiceFactory<DownstreamHealth> Gateway { get; private set; } = null!;

    private static readonly Dictionary<string, string?> ChattyLogging = new()
    {
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        ["Logging:LogLevel:Yarp"] = "Information",
        ["Logging:LogLevel:System.Net.Http"] = "Information",
    };

    public async Task InitializeAsync()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = await broker.CreateVirtualHostAsync("redact-" + Guid.NewGuid().ToString("N")[..8]);
        Shop = await TestService<ShopDbContext>.StartAsync("shop", vhost, listen: true,
            settings: new Dictionary<string, string?>(ChattyLogging) { ["Shop:WebhookSecret"] = "test-webhook-secret-of-at-least-32-characters" },
            services: s => s.AddSingleton<ILoggerProvider>(ShopLogs));
        Gateway = new ServiceFactory<DownstreamHealth>(new Dictionary<string, string?>(ChattyLogging)
        {
            ["ReverseProxy:Clusters:shop:Destinations:primary:Address"] = Shop.Factory.BaseAddress.ToString(),
            ["OTEL_SERVICE_NAME"] = "gateway",
        }, listen: true, services: s =>
        {
            s.AddSingleton<ILoggerProvider>(GatewayLogs);
            s.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(Spans));
        });
        Gateway.StartServer();
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await Shop.DisposeAsync();
    }
}

public sealed class TelemetryRedactionTests(RedactionStack stack) : IClassFixture<RedactionStack>
{
    [Fact]
    public async Task Cart_and_order_tokens_never_reach_spans_or_logs_of_the_gateway_and_the_shop()
    {
        var product = await AddProductAsync();
        using var client = stack.Gateway.CreateHttpClient();

        using var created = await client.PostAsync(new Uri("/api/shop/carts", UriKind.Relative), null);
        var cartId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cartId").GetString()!;
        (await client.PostAsJsonAsync($"/api/shop/carts/{cartId}/items", new { sku = product.Sku, quantity = 1 })).Dispose();
        using (var cart = await client.GetAsync(new Uri($"/api/shop/carts/{cartId}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, cart.StatusCode);
        }

        var strangerCart = SecretToken.Generate().Value;
        using (var missing = await client.GetAsync(new Uri($"/api/shop/carts/{strangerCart}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            Assert.DoesNotContain(strangerCart, await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var checkout = new HttpRequestMessage(HttpMethod.Post, "/api/shop/checkout")
        {
            Content = JsonContent.Create(new
            {
                cartId, customer = new { name = "Sam Runner", email = $"sam.{Guid.NewGuid():N}@example.com" },
                shippingAddress = new { line1 = "1 Harley Street", city = "London", postcode = "W1G 9QD", country = "GB" },
            }),
        };
        checkout.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var placed = await client.SendAsync(checkout);
        Assert.Equal(HttpStatusCode.Created, placed.StatusCode);
        var order = await placed.Content.ReadFromJsonAsync<JsonElement>();
        var orderId = order.GetProperty("orderId").GetGuid();
        var orderToken = order.GetProperty("accessToken").GetString()!;
        using (var read = await client.GetAsync(new Uri($"/api/shop/orders/{orderId}?token={Uri.EscapeDataString(orderToken)}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        }

        // The gateway's server span and its forwarded HttpClient span, and the shop's server span, for each read.
        var spans = await Eventually.GetAsync(() => Task.FromResult(stack.Spans.ToList()), s =>
            s.Count(x => Path(x) == "/api/shop/carts/[redacted]" && x.Kind == ActivityKind.Server) >= 4
            && s.Count(x => Path(x) == $"/api/shop/orders/{orderId}" && x.Kind == ActivityKind.Server) >= 2
            && s.Any(x => x.Kind == ActivityKind.Client && (x.GetTagItem("url.full") as string ?? "").Contains($"/api/shop/orders/{orderId}", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), "spans of the cart and order reads on both hosts");

        string[] secrets = [cartId, strangerCart, orderToken, Uri.EscapeDataString(orderToken)];
        foreach (var span in spans)
        {
            var text = span.DisplayName + " " + string.Join(' ', span.TagObjects.Select(t => $"{t.Key}={t.Value}"));
            foreach (var secret in secrets)
            {
                Assert.False(text.Contains(secret, StringComparison.Ordinal), $"A token in span '{span.DisplayName}': {text}");
            }
        }

        var logs = stack.GatewayLogs.Records.Concat(stack.ShopLogs.Records).ToList();
        Assert.NotEmpty(logs);
        foreach (var record in logs)
        {
            foreach (var secret in secrets)
            {
                Assert.False(record.Contains(secret, StringComparison.Ordinal), $"A token in a log record: {record}");
            }
        }
    }

    private async Task<Product> AddProductAsync()
    {
        var sku = "RED-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var product = new Product
        {
            Id = Guid.NewGuid(), Sku = sku, Slug = sku.ToLowerInvariant(), Name = "Foam roller", Description = "For tests", Category = "test",
            PricePence = 2_000, VatClass = VatClass.Standard, Kind = ProductKind.Physical, Stock = 10, Active = true,
            CreatedAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        await using var db = stack.Shop.OpenDb();
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product;
    }

    private static string? Path(Activity span) => span.GetTagItem("url.path") as string;
}
