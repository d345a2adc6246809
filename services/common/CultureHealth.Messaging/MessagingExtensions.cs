using CultureHealth.Messaging.Broker;
using CultureHealth.Messaging.Data;
using CultureHealth.Messaging.Outbox;
using CultureHealth.ServiceDefaults.Options;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CultureHealth.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ with our EF Core outbox relay for <typeparamref name="TDbContext"/>.
    /// Queues are named "{service}-{consumer}" so replicas of one service compete for its messages
    /// while every service gets its own copy. Failing consumers retry with back-off, then dead-letter
    /// to "{queue}_error".
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging<TDbContext>(
        this IHostApplicationBuilder builder, string serviceName, Action<IBusRegistrationConfigurator>? configure = null)
        where TDbContext : DbContext
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxMetrics>();
        builder.Services.TryAddSingleton<BrokerMetrics>();
        var receiveQueues = new ReceiveQueues();
        builder.Services.AddSingleton(receiveQueues);
        builder.AddValidatedOptions<OutboxOptions>(OutboxOptions.Section);
        builder.AddValidatedOptions<MessagingOptions>(MessagingOptions.Section);

        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            // Start even while the broker is down: the outbox keeps events until it is back.
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(15);
        });

        builder.Services.AddMassTransit(x =>
        {
            x.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(serviceName, false));
            configure?.Invoke(x);
            x.AddConfigureEndpointsCallback((context, queueName, endpointConfigurator) =>
            {
                var o = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                receiveQueues.Add(queueName);
                if (o.QuorumQueues && endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue();
                }
                endpointConfigurator.UseMessageRetry(r => r.Exponential(
                    o.RetryLimit, o.RetryMinInterval, o.RetryMaxInterval, TimeSpan.FromMilliseconds(o.RetryMinInterval.TotalMilliseconds)));
            });
            x.UsingRabbitMq((context, cfg) =>
            {
                var endpoint = RabbitMqEndpoint.Parse(
                    ServiceDatabaseExtensions.RequiredConnectionString(context.GetRequiredService<IConfiguration>(), "rabbitmq"));
                cfg.Host(endpoint.Host, endpoint.Port, endpoint.VirtualHost, h =>
                {
                    h.Username(endpoint.Username);
                    h.Password(endpoint.Password);
                    h.PublisherConfirmation = true;
                    h.RequestedConnectionTimeout(TimeSpan.FromSeconds(5));
                });
                cfg.PrefetchCount = context.GetRequiredService<IOptions<MessagingOptions>>().Value.PrefetchCount;
                cfg.ConfigureEndpoints(context);
            });
        });

        builder.Services.AddHostedService<OutboxRelay<TDbContext>>();
        builder.Services.AddHostedService<OutboxBacklogSampler<TDbContext>>();
        builder.Services.AddHostedService<OutboxJanitor<TDbContext>>();
        builder.Services.AddHostedService<BrokerQueueSampler>();
        return builder;
    }
}
