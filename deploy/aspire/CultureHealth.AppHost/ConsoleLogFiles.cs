namespace CultureHealth.AppHost;

/// <summary>
/// Each process's console output also goes to &lt;data folder&gt;/logs/&lt;name&gt;.log, as it did before the AppHost:
/// the dashboard's Console logs page is the first place to look, the files are for grep, tail and a stack left
/// running with --detach (they survive restarts of the process and of the dashboard).
/// </summary>
internal sealed class ConsoleLogFiles(
    DistributedApplicationModel model, ResourceLoggerService resourceLogs, LocalStackSettings stack) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var folder = Path.Combine(stack.DataDirectory, "logs");
        Directory.CreateDirectory(folder);
        return Task.WhenAll(model.Resources
            // Aspire's hidden "<project>-rebuilder" helpers run only for its Rebuild command: no file for them.
            .Where(r => (r is ExecutableResource or ProjectResource) && !r.Name.EndsWith("-rebuilder", StringComparison.Ordinal))
            .Select(r => CopyAsync(r, Path.Combine(folder, r.Name + ".log"), stoppingToken)));
    }

    private async Task CopyAsync(IResource resource, string path, CancellationToken stoppingToken)
    {
        await using var file = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read)) { AutoFlush = true };
        try
        {
            await foreach (var batch in resourceLogs.WatchAsync(resource).WithCancellation(stoppingToken))
            {
                foreach (var line in batch)
                {
                    await file.WriteLineAsync(line.Content);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }
}
