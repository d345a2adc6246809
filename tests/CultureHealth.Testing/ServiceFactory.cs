using System.Net;
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

    /// <param name="port">With <paramref name="listen"/>: a port chosen beforehand (when other hosts must know it before this one starts).</param>
    public ServiceFactory(IReadOnlyDictionary<string, string?> settings, bool listen = false, Action<IServiceCollection>? services = null, int? port = null)
    {
        _settings = new Dictionary<string, string?>(TestStaff.Settings);
        if (typeof(TEntryPoint).Assembly.GetName().Name == "CultureHealth.Admin")
        {
            // Admin issues staff tokens: it alone holds the private key (and signs with the same key as TestStaff).
            foreach (var (key, value) in TestStaff.IssuerSettings)
            {
                _settings[key] = value;
            }
            // TestStaff's tokens name made-up accounts; admin refuses those unless told otherwise (tests of the
            // security stamp itself set this back to false).
            _settings["Admin:AcceptTokensForUnknownAccounts"] = "true";
        }
        foreach (var (key, value) in TestSecrets.Settings)
        {
            _settings[key] = value;
        }
        foreach (var (key, value) in TestPatients.Settings)
        {
            _settings[key] = value;
        }
        if (typeof(TEntryPoint).Assembly.GetName().Name == "CultureHealth.Patients")
        {
            // The patients service issues patient tokens: it alone holds the private key (the one TestPatients signs with).
            foreach (var (key, value) in TestPatients.IssuerSettings)
            {
                _settings[key] = value;
            }
        }
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }
        _services = services;
        PointContentRootAtProject();
        if (listen)
        {
            Port = port ?? FreePort.Next();
            // An endpoint of Kestrel's own, not UseKestrel(port): that one rewrites the server's addresses after the
            // app's entry point has been let run, which races with the app starting Kestrel on its own thread and
            // then throws "Addresses cannot be modified after the server has started" (dotnet/aspnetcore#67714).
            var endpoint = new IPEndPoint(IPAddress.Loopback, Port.Value);
            UseKestrel(kestrel => kestrel.Listen(endpoint));
        }
    }

    public int? Port { get; }

    /// <summary>
    /// Test projects learn each app's project folder from Mvc.Testing's build step; other hosts of this
    /// factory (the benchmarks) do not, so tell it where the project is (its appsettings.json lives there).
    /// </summary>
    private static void PointContentRootAtProject()
    {
        var name = typeof(TEntryPoint).Assembly.GetName().Name!;
        var variable = "ASPNETCORE_TEST_CONTENTROOT_" + name.Replace('.', '_');
        if (Environment.GetEnvironmentVariable(variable) is not null)
        {
            return;
        }
        var project = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "services"), name + ".csproj", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "gateway"), name + ".csproj", SearchOption.AllDirectories))
            .FirstOrDefault();
        if (project is not null)
        {
            Environment.SetEnvironmentVariable(variable, Path.GetDirectoryName(project));
        }
    }

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
