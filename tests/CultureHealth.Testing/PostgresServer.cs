using Npgsql;

namespace CultureHealth.Testing;

/// <summary>
/// A PostgreSQL server for tests: the one named by CULTUREHEALTH_TEST_POSTGRES (a connection string
/// to a server whose user may create databases), or else a throwaway cluster in a temp folder on a
/// free port, started once per test process and removed when it exits.
/// </summary>
public sealed class PostgresServer
{
    public const string EnvironmentVariable = "CULTUREHEALTH_TEST_POSTGRES";

    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(StartSharedAsync);

    public static Task<PostgresServer> SharedAsync() => SharedServer.Value;

    private readonly string _adminConnectionString;
    private readonly string? _dir;
    private readonly int _port;

    private PostgresServer(string adminConnectionString, string? dir = null, int port = 0)
    {
        _adminConnectionString = adminConnectionString;
        _dir = dir;
        _port = port;
    }

    /// <summary>A cluster of the caller's own, for tests that stop and start PostgreSQL under a running service.</summary>
    public static async Task<PostgresServer> StartPrivateAsync()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ch-test-pg-" + Guid.NewGuid().ToString("N")[..8]);
        var port = FreePort.Next();
        await Shell.InfraAsync("pg-start", dir, port.ToString(System.Globalization.CultureInfo.InvariantCulture), "fast");
        await Shell.InfraAsync("reap", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "pg-destroy", dir);
        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres", dir, port);
    }

    /// <summary>An outage: the server shuts down (open connections are told so) and the port refuses until <see cref="StartAsync"/>.</summary>
    public Task StopAsync() => Shell.InfraAsync("pg-stop", PrivateDir());

    public Task StartAsync() =>
        Shell.InfraAsync("pg-start", PrivateDir(), _port.ToString(System.Globalization.CultureInfo.InvariantCulture), "fast");

    /// <summary>
    /// A server that stops answering without going away (a hung host, a network black hole): every process of
    /// the cluster is suspended (SIGSTOP), so connections stay open and nothing comes back until <see cref="ResumeAsync"/>.
    /// </summary>
    public Task PauseAsync() => SignalClusterAsync("-STOP");

    public Task ResumeAsync() => SignalClusterAsync("-CONT");

    private async Task SignalClusterAsync(string signal)
    {
        var postmaster = int.Parse(File.ReadLines(Path.Combine(PrivateDir(), "postmaster.pid")).First(), System.Globalization.CultureInfo.InvariantCulture);
        var children = Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == postmaster);
        string[] pids = [.. new[] { postmaster }.Concat(children).Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))];
        await Shell.RunAsync("kill", [signal, .. pids], TimeSpan.FromSeconds(10));
    }

    private static int ParentOf(int pid)
    {
        try
        {
            // /proc/PID/stat: "pid (comm) state ppid ..."; comm may hold spaces, so read after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0;
        }
    }

    /// <summary>Stops and deletes a private cluster (the shared one lives as long as the test process).</summary>
    public async Task DestroyAsync()
    {
        await Shell.InfraAsync("pg-destroy", PrivateDir());
    }

    private string PrivateDir() => _dir ?? throw new InvalidOperationException("Only a private PostgreSQL server (StartPrivateAsync) can be stopped and started.");

    public string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = database, Pooling = true, MaxPoolSize = 40 }.ConnectionString;

    /// <summary>A new empty database, or a copy of <paramref name="template"/>.</summary>
    public async Task<string> CreateDatabaseAsync(string name, string? template = null)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres"));
        await connection.OpenAsync();
        var sql = template is null
            ? $"CREATE DATABASE \"{name}\""
            : $"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"";
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionStringFor(name);
    }

    private static async Task<PostgresServer> StartSharedAsync()
    {
        var given = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            return new PostgresServer(given);
        }

        var dir = Path.Combine(Path.GetTempPath(), "ch-test-pg-" + Guid.NewGuid().ToString("N")[..8]);
        var port = FreePort.Next();
        await Shell.InfraAsync("pg-start", dir, port.ToString(System.Globalization.CultureInfo.InvariantCulture), "fast");
        // Removed when this process ends, however it ends (a test host is often killed, not shut down).
        await Shell.InfraAsync("reap", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture), "pg-destroy", dir);
        return new PostgresServer($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres");
    }

    internal static void TryDelete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
