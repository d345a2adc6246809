// YARP with nothing else: one route, one destination (BARE_YARP_DESTINATION), no middleware, no
// telemetry, no logging. bench/gateway-overhead.sh measures it next to the real gateway and nginx, to
// separate what YARP itself costs per request from what the gateway's edge protection and telemetry add.
using Yarp.ReverseProxy.Configuration;

var destination = Environment.GetEnvironmentVariable("BARE_YARP_DESTINATION")
    ?? throw new InvalidOperationException("Set BARE_YARP_DESTINATION to the service's base address.");
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "all", ClusterId = "service", Match = new RouteMatch { Path = "/{**rest}" } }],
    [new ClusterConfig
    {
        ClusterId = "service",
        Destinations = new Dictionary<string, DestinationConfig> { ["primary"] = new() { Address = destination } },
    }]);
var app = builder.Build();
app.MapReverseProxy();
app.Run();
