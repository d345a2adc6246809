using System.ComponentModel.DataAnnotations;

namespace CultureHealth.Messaging;

public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>Immediate retries of a failing consumer (exponential back-off) before the message goes to its _error queue.</summary>
    [Range(0, 20)]
    public int RetryLimit { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00")]
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(5);

    [Range(1, 1000)]
    public int PrefetchCount { get; set; } = 16;

    /// <summary>
    /// Declare receive queues as quorum queues (replicated across a RabbitMQ cluster's nodes). On for the
    /// three-node production cluster; off for the single local node, where replication buys nothing.
    /// A queue's type is fixed when it is first declared: switching an existing queue needs it drained and deleted.
    /// </summary>
    public bool QuorumQueues { get; set; }

    /// <summary>How often the queue-depth gauges (input and _error queues) ask the broker.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan QueueSampleInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>Where the broker is: "amqp://user:password@host:port/vhost" (ConnectionStrings:rabbitmq).</summary>
public sealed record RabbitMqEndpoint(string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    public static RabbitMqEndpoint Parse(string connectionString)
    {
        var uri = new Uri(connectionString);
        if (uri.Scheme is not ("amqp" or "rabbitmq"))
        {
            throw new FormatException("ConnectionStrings:rabbitmq must be an amqp:// URI.");
        }
        var user = Uri.UnescapeDataString(uri.UserInfo.Split(':', 2)[0]);
        var password = uri.UserInfo.Contains(':', StringComparison.Ordinal) ? Uri.UnescapeDataString(uri.UserInfo.Split(':', 2)[1]) : "";
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new RabbitMqEndpoint(
            uri.Host,
            (ushort)(uri.IsDefaultPort || uri.Port <= 0 ? 5672 : uri.Port),
            string.IsNullOrEmpty(vhost) ? "/" : vhost,
            string.IsNullOrEmpty(user) ? "guest" : user,
            string.IsNullOrEmpty(user) ? "guest" : password);
    }
}
