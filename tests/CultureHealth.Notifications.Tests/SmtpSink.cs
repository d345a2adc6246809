using System.Buffers;
using System.Collections.Concurrent;
using CultureHealth.Testing;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CultureHealth.Notifications.Tests;

/// <summary>
/// A real SMTP server on a free loopback port, in process. It keeps every message it accepts, can
/// refuse the next few with a transient 421, and can be started late to play an SMTP outage.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private SmtpServer.SmtpServer? _server;
    private CancellationTokenSource? _stop;
    private Task? _running;
    private int _refuseNext;

    private SmtpSink(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Received => [.. _received];

    /// <summary>A sink whose port is reserved but not yet listening (SMTP is "down" until <see cref="StartAsync"/>).</summary>
    public static SmtpSink Stopped() => new(FreePort.Next());

    public static async Task<SmtpSink> StartedAsync()
    {
        var sink = Stopped();
        await sink.StartAsync();
        return sink;
    }

    public Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
        return Task.CompletedTask;
    }

    /// <summary>The next <paramref name="count"/> messages are refused with "421 try again later".</summary>
    public void RefuseNext(int count) => Interlocked.Exchange(ref _refuseNext, count);

    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. _received.Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, address, StringComparison.OrdinalIgnoreCase)))];

    /// <summary>Waits until <paramref name="count"/> messages to <paramref name="address"/> have arrived.</summary>
    public Task<IReadOnlyList<MimeMessage>> WaitForAsync(string address, int count = 1, TimeSpan? within = null) =>
        Eventually.GetAsync(() => Task.FromResult(To(address)), m => m.Count >= count, within ?? TimeSpan.FromSeconds(30), $"{count} email(s) to {address}");

    public async ValueTask DisposeAsync()
    {
        if (_server is null)
        {
            return;
        }
        await _stop!.CancelAsync();
        _server.Shutdown();
        try
        {
            await _running!;
        }
        catch (OperationCanceledException)
        {
            // stopping is what we asked for
        }
        _stop.Dispose();
    }

    private sealed class Store(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (Interlocked.Decrement(ref sink._refuseNext) >= 0)
            {
                return new SmtpResponse(SmtpReplyCode.ServiceUnavailable, "Try again later");
            }
            using var stream = new MemoryStream(buffer.ToArray());
            sink._received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
