using System.Net.Http.Headers;
using System.Text.Json;
using CultureHealth.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CultureHealth.Testing;

/// <summary>
/// One CultureHealth service running in the test process on a database of its own and a RabbitMQ
/// vhost chosen by the test. <typeparamref name="TDbContext"/> names the service (its assembly holds the entry point).
/// </summary>
public sealed class TestService<TDbContext> : IAsyncDisposable where TDbContext : DbContext
{
    private TestService(ServiceFactory<TDbContext> factory, string database)
    {
        Factory = factory;
        DatabaseConnectionString = database;
    }

    public ServiceFactory<TDbContext> Factory { get; }
    public string DatabaseConnectionString { get; }

    public static async Task<TestService<TDbContext>> StartAsync(
        string service,
        string rabbitMq,
        bool listen = false,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null,
        string? database = null)
    {
        // Pass another instance's DatabaseConnectionString to run a second replica on the same data.
        database ??= await ServiceDatabases.CreateAsync<TDbContext>(service);
        var all = new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{service}"] = database,
            ["ConnectionStrings:rabbitmq"] = rabbitMq,
            ["OTEL_SERVICE_NAME"] = service,
            // The test run's output is for test results; services' information logs would bury them.
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests want failures fast, not after a minute of back-off.
            ["Messaging:RetryLimit"] = "2",
            ["Messaging:RetryMinInterval"] = "00:00:00.050",
            ["Messaging:RetryMaxInterval"] = "00:00:00.200",
            ["Outbox:MaxRetryDelay"] = "00:00:01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var testService = new TestService<TDbContext>(new ServiceFactory<TDbContext>(all, listen, services), database);
        await testService.WaitUntilReadyAsync();
        return testService;
    }

    /// <summary>Ready means migrated, connected to the broker and its queues bound, so no event is missed.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan? within = null)
    {
        using var client = CreateClient();
        await Eventually.TrueAsync(async () =>
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }, within ?? TimeSpan.FromSeconds(60), $"{typeof(TDbContext).Name} service ready");
    }

    public HttpClient CreateClient(string? bearerToken = null)
    {
        var client = Factory.CreateHttpClient();
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
        return client;
    }

    public TDbContext OpenDb() => ServiceDatabases.Open<TDbContext>(DatabaseConnectionString);

    /// <summary>Every event of one type in this service's outbox (sent or not yet), as it will be published.</summary>
    public async Task<List<TEvent>> OutboxEventsAsync<TEvent>()
    {
        await using var db = OpenDb();
        var type = MessageTypes.NameOf(typeof(TEvent));
        var payloads = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.MessageType == type).Select(m => m.Payload).ToListAsync();
        return payloads.Select(p => JsonSerializer.Deserialize<TEvent>(p, JsonSerializerOptions.Web)!).ToList();
    }

    public T GetRequiredService<T>() where T : notnull => Factory.Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
