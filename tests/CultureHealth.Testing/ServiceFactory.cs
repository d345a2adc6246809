using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CultureHealth.Testing;

/// <summary>
/// Hosts one CultureHealth service in the test process against real PostgreSQL and RabbitMQ.
/// With <c>listen: true</c> it serves on a real loopback port (Kestrel), so a gateway or another
/// process can call it.
/// </summary>
public sealed class ServiceFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public ServiceFactory(IReadOnlyDictionary<string, string?> settings, bool listen = false, Action<IServiceCollection>? services = null)
    {
        _settings = new Dictionary<string, string?>(TestStaff.Settings);
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
        _services = services;
        if (listen)
        {
            Port = FreePort.Next();
            UseKestrel(Port.Value);
        }
    }

    public int? Port { get; }

    public Uri BaseAddress => Port is { } port ? new Uri($"http://127.0.0.1:{port}") : Server.BaseAddress;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        if (_services is not null)
        {
            builder.ConfigureServices(_services);
        }
    }

    /// <summary>A client for this service: over the socket when listening, in memory otherwise.</summary>
    public HttpClient CreateHttpClient()
    {
        if (Port is null)
        {
            return CreateClient();
        }
        StartServer();
        return new HttpClient { BaseAddress = BaseAddress };
    }
}
