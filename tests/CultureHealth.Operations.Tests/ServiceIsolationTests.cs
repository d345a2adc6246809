using System.Text;
using CultureHealth.Testing;
using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace CultureHealth.Operations.Tests;

/// <summary>
/// Issue 20, "one secret opens everything": each service gets its own database role and its own broker user, made
/// by the same deploy/local/infra.sh commands ./run uses, against the real test PostgreSQL cluster and RabbitMQ node.
/// A bug (or an injection) in one service must not reach another service's data or forge its events.
/// </summary>
public sealed class ServiceIsolationTests
{
    private const string Contracts = "CultureHealth.Contracts:";

    [Fact]
    public async Task A_service_role_reaches_its_own_database_only_and_only_with_its_password()
    {
        var server = await PostgresServer.SharedAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (a, b) = ("iso_a_" + suffix, "iso_b_" + suffix);
        var ownOfA = await server.CreateServiceRoleAsync(a, "pw-a-" + suffix);
        var ownOfB = await server.CreateServiceRoleAsync(b, "pw-b-" + suffix);

        // A owns its database: it can create what its migrations create (btree_gist is a trusted extension).
        await using (var own = new NpgsqlConnection(ownOfA))
        {
            await own.OpenAsync();
            await using var create = new NpgsqlCommand(
                "CREATE EXTENSION IF NOT EXISTS btree_gist; CREATE TABLE owned_by_a (id int PRIMARY KEY); INSERT INTO owned_by_a VALUES (1)", own);
            await create.ExecuteNonQueryAsync();
        }

        // A's role, with A's correct password, is refused by B's database.
        var aIntoB = new NpgsqlConnectionStringBuilder(ownOfA) { Database = b }.ConnectionString;
        var crossing = await Assert.ThrowsAsync<PostgresException>(() => OpenAsync(aIntoB));
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, crossing.SqlState);

        // B's role with a wrong password is refused (no trust for service roles, even on loopback).
        var wrongPassword = new NpgsqlConnectionStringBuilder(ownOfB) { Password = "not-" + suffix }.ConnectionString;
        var refused = await Assert.ThrowsAsync<PostgresException>(() => OpenAsync(wrongPassword));
        Assert.Equal(PostgresErrorCodes.InvalidPassword, refused.SqlState);

        // Running the command again (every ./run does) keeps the role working with its password.
        Assert.Equal(ownOfA, await server.CreateServiceRoleAsync(a, "pw-a-" + suffix));
        await OpenAsync(ownOfA);
    }

    [Fact]
    public async Task A_service_broker_user_writes_only_its_own_events_and_declares_only_its_own_queues()
    {
        var broker = await RabbitMqServer.SharedAsync();
        var vhost = "iso-" + Guid.NewGuid().ToString("N")[..8];
        var guest = await broker.CreateVirtualHostAsync(vhost);
        // B's event exchange and queue exist, as they would once B (shop) has started.
        await using (var setup = await ConnectAsync(guest))
        await using (var channel = await setup.CreateChannelAsync())
        {
            await channel.ExchangeDeclareAsync(Contracts + "OrderPaid", ExchangeType.Fanout, durable: true);
            await channel.QueueDeclareAsync("shop-order-paid", durable: true, exclusive: false, autoDelete: false);
        }
        var contentUser = await broker.CreateServiceUserAsync(
            vhost, "content", "pw-content", publishes: ["CommentSubmitted"], consumes: ["PractitionerProfileChanged"]);
        await using var content = await ConnectAsync(contentUser);

        // What content needs works: its own event exchange (declare, publish, confirmed), its own queue and binding.
        await using (var own = await content.CreateChannelAsync(new CreateChannelOptions(true, true)))
        {
            await own.ExchangeDeclareAsync(Contracts + "CommentSubmitted", ExchangeType.Fanout, durable: true);
            await own.BasicPublishAsync(Contracts + "CommentSubmitted", "", false, new BasicProperties(), Encoding.UTF8.GetBytes("{}"));
            await own.ExchangeDeclareAsync(Contracts + "PractitionerProfileChanged", ExchangeType.Fanout, durable: true);
            await own.QueueDeclareAsync("content-practitioner-profile-changed", durable: true, exclusive: false, autoDelete: false);
            await own.QueueBindAsync("content-practitioner-profile-changed", Contracts + "PractitionerProfileChanged", "");
        }

        // Forging another service's event: publishing to the exchange of an event content does not publish.
        await using (var forge = await content.CreateChannelAsync(new CreateChannelOptions(true, true)))
        {
            await Record.ExceptionAsync(async () =>
                await forge.BasicPublishAsync(Contracts + "OrderPaid", "", false, new BasicProperties(), Encoding.UTF8.GetBytes("{}")));
            await Eventually.TrueAsync(() => !forge.IsOpen, TimeSpan.FromSeconds(20), "the broker closes a channel that publishes where it may not");
            Assert.Equal(403, (int?)forge.CloseReason?.ReplyCode);
        }

        await AssertRefusedAsync(content, ch => ch.QueueDeclareAsync("shop-order-paid", durable: true, exclusive: false, autoDelete: false));
        await AssertRefusedAsync(content, ch => ch.QueueDeclareAsync("shop-stolen", durable: true, exclusive: false, autoDelete: false));
        // Reading events it does not consume: binding its own queue to OrderPaid.
        await AssertRefusedAsync(content, ch => ch.QueueBindAsync("content-practitioner-profile-changed", Contracts + "OrderPaid", ""));
        // Taking messages from another service's queue.
        await AssertRefusedAsync(content, ch => ch.BasicGetAsync("shop-order-paid", autoAck: true));
    }

    private static async Task OpenAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
    }

    private static Task<IConnection> ConnectAsync(string uri) =>
        new ConnectionFactory { Uri = new Uri(uri) }.CreateConnectionAsync();

    private static async Task AssertRefusedAsync(IConnection connection, Func<IChannel, Task> action)
    {
        await using var channel = await connection.CreateChannelAsync();
        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() => action(channel));
        Assert.Equal(403, (int?)refused.ShutdownReason?.ReplyCode);
    }
}
