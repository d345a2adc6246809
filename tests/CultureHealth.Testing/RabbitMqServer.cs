using System.Globalization;

namespace CultureHealth.Testing;

/// <summary>
/// A RabbitMQ node for tests: the one named by CULTUREHEALTH_TEST_RABBITMQ ("amqp://guest:guest@host:port"
/// plus CULTUREHEALTH_TEST_RABBITMQ_NODE, its Erlang node name, so vhosts can be created), or else a
/// private node started once per test process. Tests that take the broker down get a node of their own.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    public const string EnvironmentVariable = "CULTUREHEALTH_TEST_RABBITMQ";
    public const string NodeEnvironmentVariable = "CULTUREHEALTH_TEST_RABBITMQ_NODE";

    private static readonly Lazy<Task<RabbitMqServer>> SharedServer = new(StartSharedAsync);

    public static Task<RabbitMqServer> SharedAsync() => SharedServer.Value;

    private readonly string? _dir;

    public string NodeName { get; }
    public string Host { get; }
    public int Port { get; }

    private RabbitMqServer(string nodeName, string host, int port, string? dir)
    {
        NodeName = nodeName;
        Host = host;
        Port = port;
        _dir = dir;
    }

    /// <summary>A fresh vhost, so a test's exchanges and queues never see another test's messages.</summary>
    public async Task<string> CreateVirtualHostAsync(string name)
    {
        await Shell.InfraAsync("rabbit-vhost", NodeName, name);
        return $"amqp://guest:guest@{Host}:{Port}/{Uri.EscapeDataString(name)}";
    }

    /// <summary>
    /// What ./run does for each service (deploy/local/infra.sh rabbit-service): a broker user limited to its own
    /// queues and exchanges, writing to the events it publishes and binding to those it consumes. Returns its URI.
    /// </summary>
    public async Task<string> CreateServiceUserAsync(
        string virtualHost, string service, string password, IEnumerable<string> publishes, IEnumerable<string> consumes)
    {
        await Shell.InfraAsync("rabbit-service", NodeName, virtualHost, service, password,
            string.Join(',', publishes), string.Join(',', consumes));
        return $"amqp://{Uri.EscapeDataString(service)}:{Uri.EscapeDataString(password)}@{Host}:{Port}/{Uri.EscapeDataString(virtualHost)}";
    }

    /// <summary>Simulates a broker outage: connections drop and the port refuses until <see cref="StartAppAsync"/>.</summary>
    public Task StopAppAsync() => Shell.InfraAsync("rabbit-app", NodeName, "stop");

    public Task StartAppAsync() => Shell.InfraAsync("rabbit-app", NodeName, "start");

    /// <summary>A node of the caller's own, for tests that stop and start the broker.</summary>
    public static async Task<RabbitMqServer> StartPrivateAsync()
    {
        var id = Guid.NewGuid().ToString("N")[..8];
        var dir = Path.Combine(Path.GetTempPath(), "ch-test-rmq-" + id);
        var port = FreePort.Next();
        var dist = FreePort.Next();
        var node = $"ch-test-{id}@localhost";
        await Shell.InfraAsync("rabbit-start", dir, port.ToString(CultureInfo.InvariantCulture), dist.ToString(CultureInfo.InvariantCulture), node);
        // Removed when this process ends, however it ends, if the test did not dispose it first.
        await Shell.InfraAsync("reap", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "rabbit-destroy", dir, node);
        return new RabbitMqServer(node, "127.0.0.1", port, dir);
    }

    private static async Task<RabbitMqServer> StartSharedAsync()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        var givenNode = Environment.GetEnvironmentVariable(NodeEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(given) && !string.IsNullOrWhiteSpace(givenNode))
        {
            var uri = new Uri(given);
            return new RabbitMqServer(givenNode, uri.Host, uri.Port, dir: null);
        }

        return await StartPrivateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_dir is null)
        {
            return;
        }
        await Shell.InfraAsync("rabbit-stop", _dir, NodeName);
        PostgresServer.TryDelete(_dir);
    }
}
