using System.Collections.Concurrent;
using CultureHealth.ServiceDefaults.Hosting;
using CultureHealth.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CultureHealth.Platform.Tests;

/// <summary>The loop every sweeper and sampler runs on: rounds on the clock's ticks, and a failed round never ends it.</summary>
public sealed class PeriodicBackgroundServiceTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Runs_a_round_at_start_and_one_per_interval_of_the_clock()
    {
        var clock = new FakeTimeProvider();
        using var work = new CountingWork(clock, runsAtStart: true);
        await work.StartAsync(CancellationToken.None);

        var started = clock.GetUtcNow();
        await Eventually.TrueAsync(() => work.Rounds == 1, Deadline, "the round at start");
        clock.Advance(work.Every);
        await Eventually.TrueAsync(() => work.Rounds == 2, Deadline, "the round after one interval");
        clock.Advance(work.Every);
        await Eventually.TrueAsync(() => work.Rounds == 3, Deadline, "the round after two intervals");

        Assert.Equal([started, started + work.Every, started + 2 * work.Every], work.RoundTimes);

        await work.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Waits_one_interval_first_when_it_does_not_run_at_start()
    {
        var clock = new FakeTimeProvider();
        var started = clock.GetUtcNow();
        using var work = new CountingWork(clock, runsAtStart: false);
        await work.StartAsync(CancellationToken.None);

        // The loop starts on a thread of its own: only move the clock once it has asked for its interval.
        await work.IntervalRead.Task.WaitAsync(Deadline);
        await Eventually.TrueAsync(() =>
        {
            clock.Advance(work.Every / 4);
            return work.Rounds >= 1;
        }, Deadline, "the first round");

        Assert.True(work.RoundTimes.First() >= started + work.Every, $"first round at {work.RoundTimes.First():O}, started {started:O}");
        await work.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_failed_round_is_reported_and_the_next_tick_runs_again()
    {
        var clock = new FakeTimeProvider();
        using var work = new CountingWork(clock, runsAtStart: true) { FailRound = 1 };
        await work.StartAsync(CancellationToken.None);

        await Eventually.TrueAsync(() => work.Failures.Count == 1, Deadline, "the failure of the first round");
        Assert.Equal("round 1 failed", Assert.Single(work.Failures).Message);
        clock.Advance(work.Every);
        await Eventually.TrueAsync(() => work.Rounds == 2, Deadline, "the round after the failed one");
        Assert.Single(work.Failures);

        await work.StopAsync(CancellationToken.None);
        Assert.Null(work.ExecuteTask!.Exception);
    }

    [Fact]
    public async Task Stopping_ends_the_loop_quietly()
    {
        var clock = new FakeTimeProvider();
        using var work = new CountingWork(clock, runsAtStart: true);
        await work.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => work.Rounds == 1, Deadline, "the round at start");

        await work.StopAsync(CancellationToken.None);

        Assert.True(work.ExecuteTask!.IsCompletedSuccessfully);
        Assert.Empty(work.Failures);
    }

    private sealed class CountingWork(TimeProvider clock, bool runsAtStart) : PeriodicBackgroundService(clock)
    {
        private int _rounds;

        public TimeSpan Every { get; } = TimeSpan.FromMinutes(5);

        public int FailRound { get; init; }

        public int Rounds => Volatile.Read(ref _rounds);

        public ConcurrentQueue<Exception> Failures { get; } = new();

        public ConcurrentQueue<DateTimeOffset> RoundTimes { get; } = new();

        public TaskCompletionSource IntervalRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override TimeSpan Interval
        {
            get
            {
                IntervalRead.TrySetResult();
                return Every;
            }
        }

        protected override bool RunsAtStart => runsAtStart;

        protected override Task RunRoundAsync(CancellationToken cancellationToken)
        {
            RoundTimes.Enqueue(Clock.GetUtcNow());
            var round = Interlocked.Increment(ref _rounds);
            return round == FailRound ? Task.FromException(new InvalidOperationException($"round {round} failed")) : Task.CompletedTask;
        }

        protected override void OnRoundFailed(Exception exception) => Failures.Enqueue(exception);
    }
}
