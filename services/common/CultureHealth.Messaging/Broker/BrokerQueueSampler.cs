using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CultureHealth.Messaging.Broker;

/// <summary>
/// Every <see cref="MessagingOptions.QueueSampleInterval"/>, asks RabbitMQ how many messages wait in each of
/// this service's input queues and their "_error" queues, on a small connection of its own (so a look at the
/// broker never competes with MassTransit's channels). A passive declare changes nothing on the broker.
/// </summary>
public sealed partial class BrokerQueueSampler(
    ReceiveQueues queues,
    BrokerMetrics metrics,
    IConfiguration configuration,
    IOptions<MessagingOptions> options,
    TimeProvider clock,
    ILogger<BrokerQueueSampler> logger) : PeriodicBackgroundService(clock)
{
    private const ushort NotFound = 404;
    private IConnection? _connection;

    protected override TimeSpan Interval => options.Value.QueueSampleInterval;

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => SampleAsync(cancellationToken);

    private async Task SampleAsync(CancellationToken ct)
    {
        try
        {
            var connection = await ConnectAsync(ct);
            var depths = new List<QueueDepth>();
            foreach (var queue in queues.Names)
            {
                depths.Add(new QueueDepth(queue, BrokerMetrics.InputRole, await MessagesInAsync(connection, queue, ct)));
                // MassTransit's convention: a message that failed every retry moves to "{queue}_error".
                depths.Add(new QueueDepth(queue + "_error", BrokerMetrics.ErrorRole, await MessagesInAsync(connection, queue + "_error", ct)));
            }
            metrics.Report(depths);
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            metrics.ReportUnreachable();
            LogUnreachable(logger, ex.Message);
            await DisconnectAsync();
        }
    }

    private static async Task<long> MessagesInAsync(IConnection connection, string queue, CancellationToken ct)
    {
        // A failed passive declare closes its channel, so each question gets a channel of its own.
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            var ok = await channel.QueueDeclarePassiveAsync(queue, ct);
            return ok.MessageCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == NotFound)
        {
            return 0; // MassTransit creates an _error queue with its first failed message: none yet means none failed.
        }
    }

    private async Task<IConnection> ConnectAsync(CancellationToken ct)
    {
        if (_connection is { IsOpen: true } open)
        {
            return open;
        }
        await DisconnectAsync();
        var endpoint = RabbitMqEndpoint.Parse(ServiceDatabaseExtensions.RequiredConnectionString(configuration, "rabbitmq"));
        var factory = new ConnectionFactory
        {
            HostName = endpoint.Host,
            Port = endpoint.Port,
            VirtualHost = endpoint.VirtualHost,
            UserName = endpoint.Username,
            Password = endpoint.Password,
            ClientProvidedName = "culturehealth-queue-metrics",
            RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
            // This sampler reconnects on its next tick; the client's own recovery would only race it.
            AutomaticRecoveryEnabled = false,
        };
        _connection = await factory.CreateConnectionAsync(ct);
        return _connection;
    }

    private async Task DisconnectAsync()
    {
        if (_connection is { } connection)
        {
            _connection = null;
            try
            {
                await connection.DisposeAsync();
            }
            catch (Exception ex) when (ex is IOException or AlreadyClosedException or OperationInterruptedException)
            {
                // Already gone with the broker; nothing left to release.
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await DisconnectAsync();
    }

    protected override void OnRoundFailed(Exception exception) => LogUnreachable(logger, exception.Message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read queue depths from RabbitMQ: {Reason}")]
    private static partial void LogUnreachable(ILogger logger, string reason);
}
