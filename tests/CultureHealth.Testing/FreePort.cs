using System.Net;
using System.Net.Sockets;

namespace CultureHealth.Testing;

public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// A free port to bind a while later (after other hosts that must know it have started). Chosen below the
    /// kernel's ephemeral range (32768–60999 here): ports from <see cref="Next"/> are ephemeral, and any outgoing
    /// connection made in the meantime (to PostgreSQL, RabbitMQ, another service) may be given the same one.
    /// </summary>
    public static int Reserve()
    {
        while (true)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }
    }
}
