using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CultureHealth.AppHost;

/// <summary>Healthy while something accepts TCP connections on the port: how the AppHost knows PostgreSQL or
/// RabbitMQ is up (it has no client libraries of its own, and the services' readiness checks the rest).</summary>
internal sealed class TcpPortHealthCheck(int port) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"nothing accepts connections on 127.0.0.1:{port}");
        }
    }
}
