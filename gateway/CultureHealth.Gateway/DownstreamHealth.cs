using Yarp.ReverseProxy;

namespace CultureHealth.Gateway;

public sealed record DestinationHealth(string Address, string Status, string? Detail);

public sealed record ServiceHealth(string Status, IReadOnlyList<DestinationHealth> Destinations);

public sealed record GatewayHealthReport(string Status, IReadOnlyDictionary<string, ServiceHealth> Services)
{
    /// <summary>What anyone may see: each service's status, no internal addresses or error text.</summary>
    public PublicHealthReport Public() => new(Status, Services.ToDictionary(s => s.Key, s => new PublicServiceHealth(s.Value.Status), StringComparer.Ordinal));
}

public sealed record PublicServiceHealth(string Status);

public sealed record PublicHealthReport(string Status, IReadOnlyDictionary<string, PublicServiceHealth> Services);

/// <summary>
/// The aggregated /health: asks every destination of every cluster for its /health/ready.
/// A service is healthy while at least one of its replicas is.
/// </summary>
public sealed class DownstreamHealth(IProxyStateLookup proxy, IHttpClientFactory clients)
{
    public const string ClientName = "downstream-health";

    public async Task<GatewayHealthReport> CheckAsync(CancellationToken ct)
    {
        var client = clients.CreateClient(ClientName);
        var clusters = proxy.GetClusters().ToList();
        var checks = clusters.Select(async cluster =>
        {
            var destinations = await Task.WhenAll(cluster.Destinations.Values.Select(d => ProbeAsync(client, d.Model.Config.Address, ct)));
            var status = destinations.Any(d => d.Status == "Healthy") ? "Healthy" : "Unhealthy";
            return (cluster.ClusterId, Health: new ServiceHealth(status, destinations));
        });
        var services = (await Task.WhenAll(checks)).OrderBy(s => s.ClusterId, StringComparer.Ordinal)
            .ToDictionary(s => s.ClusterId, s => s.Health, StringComparer.Ordinal);
        var overall = services.Count > 0 && services.Values.All(s => s.Status == "Healthy") ? "Healthy" : "Unhealthy";
        return new GatewayHealthReport(overall, services);
    }

    private static async Task<DestinationHealth> ProbeAsync(HttpClient client, string address, CancellationToken ct)
    {
        try
        {
            using var response = await client.GetAsync(new Uri(new Uri(address), "/health/ready"), ct);
            return new DestinationHealth(address, response.IsSuccessStatusCode ? "Healthy" : "Unhealthy", $"HTTP {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return new DestinationHealth(address, "Unhealthy", e.Message);
        }
    }
}
