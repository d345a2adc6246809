using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using CultureHealth.Gateway;
using CultureHealth.Hardening.Tests.Sweep;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CultureHealth.Hardening.Tests;

/// <summary>
/// The gateway in front of an upstream that is not one of ours (a plain Kestrel app that announces itself
/// in a Server header and records the methods it receives), and in front of one that is not there at all.
/// </summary>
public sealed class GatewayUpstreamTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<string> _methodsSeen = new();
    private WebApplication _upstream = null!;
    private ServiceFactory<DownstreamHealth> _gateway = null!;
    private int _closedPort;

    public async Task InitializeAsync()
    {
        var upstreamPort = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{upstreamPort}");
        _upstream = builder.Build();
        _upstream.Run(async context =>
        {
            _methodsSeen.Enqueue(context.Request.Method);
            context.Response.Headers.Server = "upstream/1.0";
            context.Response.ContentType = "application/json";
            if (context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
            {
                await context.Response.WriteAsync("{}");
                return;
            }
            await context.Response.WriteAsync("{\"hello\":\"world\"}");
        });
        await _upstream.StartAsync();

        _closedPort = FreePort.Next();
        _gateway = new ServiceFactory<DownstreamHealth>(new Dictionary<string, string?>
        {
            ["ReverseProxy:Clusters:content:Destinations:primary:Address"] = $"http://127.0.0.1:{upstreamPort}",
            // Nothing listens here: the shop "is down".
            ["ReverseProxy:Clusters:shop:Destinations:primary:Address"] = $"http://127.0.0.1:{_closedPort}",
            ["Gateway:RateLimits:public"] = "1000000",
        }, listen: true);
        _gateway.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _upstream.DisposeAsync();
    }

    [Fact]
    public async Task An_upstream_Server_header_does_not_pass_through_and_HEAD_reaches_it_as_HEAD()
    {
        var port = _gateway.Port!.Value;
        var get = await RawHttp.SendAsync(port, new RawRequest("GET", "/api/content/anything"u8.ToArray(), [], null), TimeSpan.FromSeconds(20));
        var head = await RawHttp.SendAsync(port, new RawRequest("HEAD", "/api/content/anything"u8.ToArray(), [], null), TimeSpan.FromSeconds(20));

        Assert.Equal(200, get.Status);
        Assert.Null(get.Header("Server"));
        Assert.Equal(200, head.Status);
        Assert.Null(head.Header("Server"));
        Assert.Empty(head.Body);
        Assert.Contains("HEAD", _methodsSeen);
    }

    [Fact]
    public async Task A_service_the_gateway_cannot_reach_is_a_503_problem_with_Retry_After()
    {
        using var client = _gateway.CreateHttpClient();
        // First while the destination is merely unreachable, then once health checks have marked it down.
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/shop/products", UriKind.Relative));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal(DependencyUnavailable.ServiceType, problem["type"]!.GetValue<string>());
            Assert.Equal("shop", problem["service"]!.GetValue<string>());
        }
    }
}
