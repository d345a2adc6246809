using System.Diagnostics;
using CultureHealth.Testing;

namespace CultureHealth.AppHost.Tests;

/// <summary>
/// Issue 15: under ./run a service killed with SIGKILL used to stay dead until the whole stack was restarted.
/// The AppHost's supervisor starts it again; this kills one and waits, with a deadline, to see it healthy again.
/// </summary>
public sealed class SupervisionTests(LocalStack stack) : IClassFixture<LocalStack>
{
    private static readonly TimeSpan RestartDeadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task A_service_killed_with_SIGKILL_is_started_again_and_healthy_through_the_gateway()
    {
        // The gateway's /health asks every service's readiness; on a loaded machine one answer can be slow or a check
        // briefly red, so even the stack ./run just reported up is awaited, not asserted once.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(15) };
        await Eventually.TrueAsync(() => Healthy(http, stack.Url("CH_GATEWAY_PORT", "/health")),
            RestartDeadline, "the stack ./run reported up is healthy through the gateway");
        var contentPort = stack.Port("CH_CONTENT_PORT");
        var killed = LocalStack.ListenerPid(contentPort) ?? throw new InvalidOperationException("nothing listens on content's port");

        using (var process = Process.GetProcessById(killed))
        {
            process.Kill(); // SIGKILL: no shutdown hooks, exit code 137, as an out-of-memory kill would end it
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(10)), "the service survived SIGKILL");
        }
        var stopwatch = Stopwatch.StartNew();

        // A new process, not the killed one, answers ready; and the gateway sees every service healthy again.
        await Eventually.TrueAsync(
            async () => LocalStack.ListenerPid(contentPort) is { } pid && pid != killed
                        && await Healthy(http, stack.Url("CH_CONTENT_PORT", "/health/ready")),
            RestartDeadline, "content listening again in a new process and ready");
        await Eventually.TrueAsync(() => Healthy(http, stack.Url("CH_GATEWAY_PORT", "/health")),
            RestartDeadline, "the gateway's /health green again");
        Console.WriteLine($"content healthy again {stopwatch.Elapsed.TotalSeconds:F1} s after kill -9");

        // It was the supervisor, and it says so where the dashboard's console log and the AppHost's log show it.
        var log = File.ReadAllText(stack.AppHostLog);
        Assert.Contains("Supervisor: content is Finished (exit code 137); restart 1", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_status_reports_every_process_and_the_dashboard_answers()
    {
        var (exitCode, output) = await stack.RunAsync("status", TimeSpan.FromSeconds(60));
        Assert.Equal(0, exitCode);
        Assert.Contains("running (AppHost pid", output, StringComparison.Ordinal);
        foreach (var name in (string[])["postgres", "rabbitmq"])
        {
            Assert.Contains($"{name}: up", output, StringComparison.Ordinal);
        }
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var dashboard = await http.GetAsync(stack.Url("CH_DASHBOARD_PORT", "/"));
        Assert.True(dashboard.IsSuccessStatusCode, $"dashboard answered {(int)dashboard.StatusCode}");
    }

    private static async Task<bool> Healthy(HttpClient http, Uri url)
    {
        try
        {
            using var response = await http.GetAsync(url);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
