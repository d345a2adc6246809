using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CultureHealth.Hardening.Tests.Sweep;

/// <summary>
/// One HTTP/1.1 request written byte for byte. HttpClient refuses (or silently repairs) exactly the
/// input a sweep must send: raw control bytes in a header, invalid percent-encoding, non-UTF-8 bytes.
/// </summary>
public sealed record RawRequest(string Method, byte[] Target, IReadOnlyList<(string Name, byte[] Value)> Headers, byte[]? Body)
{
    public static byte[] Ascii(string text) => Encoding.Latin1.GetBytes(text);

    public string TargetText => Encoding.Latin1.GetString(Target);

    public byte[] ToBytes(int port)
    {
        using var stream = new MemoryStream();
        void Write(byte[] bytes) => stream.Write(bytes);
        Write(Ascii($"{Method} "));
        Write(Target);
        Write(Ascii($" HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n"));
        foreach (var (name, value) in Headers)
        {
            Write(Ascii(name + ": "));
            Write(value);
            Write(Ascii("\r\n"));
        }
        if (Body is not null)
        {
            Write(Ascii($"Content-Length: {Body.Length}\r\n\r\n"));
            Write(Body);
        }
        else
        {
            Write(Ascii(Method is "POST" or "PUT" or "PATCH" ? "Content-Length: 0\r\n\r\n" : "\r\n"));
        }
        return stream.ToArray();
    }
}

public sealed record RawResponse(int Status, Dictionary<string, string> Headers, byte[] Body, TimeSpan Elapsed)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name);

    public string BodyText => Encoding.UTF8.GetString(Body);
}

public static class RawHttp
{
    /// <summary>Sends <paramref name="request"/> on a new connection; a server that does not answer by <paramref name="deadline"/> is a hang.</summary>
    public static async Task<RawResponse> SendAsync(int port, RawRequest request, TimeSpan deadline)
    {
        var clock = Stopwatch.StartNew();
        using var cts = new CancellationTokenSource(deadline);
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), cts.Token);
            try
            {
                await socket.SendAsync(request.ToBytes(port), SocketFlags.None, cts.Token);
            }
            catch (SocketException)
            {
                // The server may answer (413, 400) and close before it has read a large body: read what it said.
            }

            using var received = new MemoryStream();
            var buffer = new byte[16 * 1024];
            while (true)
            {
                int n;
                try
                {
                    n = await socket.ReceiveAsync(buffer, SocketFlags.None, cts.Token);
                }
                catch (SocketException) when (received.Length > 0)
                {
                    break;
                }
                if (n == 0)
                {
                    break;
                }
                received.Write(buffer, 0, n);
            }
            return Parse(received.ToArray(), head: request.Method == "HEAD", clock.Elapsed);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            throw new TimeoutException($"No complete answer within {deadline} to {request.Method} {request.TargetText}");
        }
    }

    private static RawResponse Parse(byte[] data, bool head, TimeSpan elapsed)
    {
        var end = data.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0)
        {
            throw new InvalidDataException($"Not an HTTP response ({data.Length} bytes): {Encoding.Latin1.GetString(data.AsSpan(0, Math.Min(200, data.Length)))}");
        }
        var lines = Encoding.Latin1.GetString(data, 0, end).Split("\r\n");
        var status = int.Parse(lines[0].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            headers[name] = headers.TryGetValue(name, out var existing) ? existing + ", " + value : value;
        }
        var body = data.AsSpan(end + 4).ToArray();
        if (!head && headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding.Contains("chunked", StringComparison.OrdinalIgnoreCase))
        {
            body = Unchunk(body);
        }
        return new RawResponse(status, headers, body, elapsed);
    }

    private static byte[] Unchunk(byte[] chunked)
    {
        using var output = new MemoryStream();
        var position = 0;
        while (position < chunked.Length)
        {
            var lineEnd = chunked.AsSpan(position).IndexOf("\r\n"u8);
            if (lineEnd < 0)
            {
                break;
            }
            var sizeText = Encoding.ASCII.GetString(chunked, position, lineEnd).Split(';')[0];
            var size = Convert.ToInt32(sizeText, 16);
            position += lineEnd + 2;
            if (size == 0)
            {
                break;
            }
            output.Write(chunked, position, Math.Min(size, chunked.Length - position));
            position += size + 2;
        }
        return output.ToArray();
    }
}
