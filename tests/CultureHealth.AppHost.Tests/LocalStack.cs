using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using CultureHealth.Testing;

namespace CultureHealth.AppHost.Tests;

/// <summary>
/// The whole local stack exactly as a developer starts it (`./run --detach`, the Aspire AppHost under it), on ports
/// and in a data folder of its own so it never meets a developer's stack or another test's servers. A watcher
/// outside this process runs `./run stop` should the test host die before <see cref="DisposeAsync"/>.
/// </summary>
public sealed class LocalStack : IAsyncLifetime
{
    private static readonly string[] PortVariables =
    [
        "CH_GATEWAY_PORT", "CH_CONTENT_PORT", "CH_SHOP_PORT", "CH_BOOKING_PORT", "CH_ADMIN_PORT", "CH_NOTIFICATIONS_PORT",
        "CH_PATIENTS_PORT", "CH_STOREFRONT_PORT", "CH_BACKOFFICE_PORT", "CH_PG_PORT", "CH_RABBIT_PORT", "CH_RABBIT_DIST_PORT",
        "CH_RABBIT_MGMT_PORT", "CH_DASHBOARD_PORT", "CH_OTLP_GRPC_PORT", "CH_OTLP_HTTP_PORT", "CH_RESOURCE_SERVICE_PORT",
    ];

    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public LocalStack()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), "culturehealth-apphost-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var variable in PortVariables)
        {
            _environment[variable] = FreePort.Reserve().ToString(CultureInfo.InvariantCulture);
        }
        _environment["CH_DATA_DIR"] = DataDirectory;
        _environment["CH_RABBIT_NODE"] = $"ch-apphost-test-{Environment.ProcessId}@localhost";
        // The test build has just built the AppHost and everything it starts.
        _environment["CH_SKIP_BUILD"] = "1";
        // A fresh data folder (every database migrated and seeded) while the rest of the suite loads both cores.
        _environment["CH_START_TIMEOUT"] = "420";
    }

    public string DataDirectory { get; }
    public string AppHostLog => Path.Combine(DataDirectory, "logs", "apphost.log");

    public int Port(string variable) => int.Parse(_environment[variable], CultureInfo.InvariantCulture);

    public Uri Url(string portVariable, string path) => new($"http://127.0.0.1:{Port(portVariable)}{path}");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(DataDirectory);
        // PostgreSQL runs as the postgres user and must reach its folder inside this one.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(DataDirectory, (UnixFileMode)0b111_101_101);
        }
        StopWhenThisProcessDies();
        var (exitCode, output) = await RunAsync("--detach", TimeSpan.FromMinutes(8));
        Assert.True(exitCode == 0, $"./run --detach exited {exitCode}:\n{output}\n{Tail(AppHostLog)}");
    }

    public async Task DisposeAsync()
    {
        try
        {
            await RunAsync("stop", TimeSpan.FromMinutes(2));
        }
        finally
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A server still writing its last file: the temp folder is cleared with the machine.
            }
        }
    }

    public Task<(int ExitCode, string Output)> RunAsync(string argument, TimeSpan timeout) =>
        RunScriptAsync(Path.Combine(RepoPaths.Root, "run"), [argument], timeout);

    /// <summary>The process that accepts connections on the port (the service itself, not the `dotnet run` above it).</summary>
    public static int? ListenerPid(int port)
    {
        var inode = ListeningSocketInode(port);
        if (inode is null)
        {
            return null;
        }
        var socket = $"socket:[{inode}]";
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out var pid))
            {
                continue;
            }
            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd")))
                {
                    if (new FileInfo(fd).LinkTarget == socket)
                    {
                        return pid;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A process that ended meanwhile.
            }
        }
        return null;
    }

    public static string Tail(string path, int lines = 60) =>
        File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(lines)) : $"({path} does not exist)";

    /// <summary>The inode of the listening IPv4 socket on 127.0.0.1 or any address at the port (/proc/net/tcp).</summary>
    private static string? ListeningSocketInode(int port)
    {
        var hexPort = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        foreach (var line in File.ReadLines("/proc/net/tcp").Skip(1))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // fields: sl, local_address, rem_address, st (0A = LISTEN), …, inode (10th)
            if (fields.Length > 9 && fields[1].EndsWith(hexPort, StringComparison.Ordinal) && fields[3] == "0A")
            {
                return fields[9];
            }
        }
        return null;
    }

    private void StopWhenThisProcessDies()
    {
        var watcher = new ProcessStartInfo("setsid") { UseShellExecute = false, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["bash", "-c", "exec >/dev/null 2>&1 </dev/null; while kill -0 \"$1\" 2>/dev/null; do sleep 2; done; \"$2\" stop", "_",
                     Environment.ProcessId.ToString(CultureInfo.InvariantCulture), Path.Combine(RepoPaths.Root, "run")])
        {
            watcher.ArgumentList.Add(arg);
        }
        AddEnvironment(watcher);
        using var process = Process.Start(watcher);
    }

    private async Task<(int, string)> RunScriptAsync(string file, IEnumerable<string> args, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }
        AddEnvironment(psi);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {file}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}:\n{Tail(AppHostLog)}");
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    private void AddEnvironment(ProcessStartInfo psi)
    {
        foreach (var (name, value) in _environment)
        {
            psi.Environment[name] = value;
        }
    }
}
