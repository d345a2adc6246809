using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Application.Checkout;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Xunit;

namespace CultureHealth.Shop.Tests.Application;

/// <summary>The checkout gate: a full gate makes the next checkout wait, and a wait past its time is a 503 with Retry-After.</summary>
public sealed class CheckoutGateTests
{
    private static CheckoutGate Gate(int concurrency, TimeSpan queueTimeout) =>
        new(Options.Create(new ShopOptions { CheckoutConcurrency = concurrency, CheckoutQueueTimeout = queueTimeout }));

    [Fact]
    public async Task A_checkout_past_the_limit_waits_for_a_slot_to_be_released()
    {
        using var gate = Gate(1, TimeSpan.FromSeconds(30));
        var first = await gate.EnterAsync(CancellationToken.None);

        var second = gate.EnterAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);

        first.Dispose();
        first.Dispose(); // a second release of the same slot frees nothing more
        using var entered = await second.WaitAsync(TimeSpan.FromSeconds(10));
        var third = gate.EnterAsync(CancellationToken.None);
        Assert.False(third.IsCompleted);
        entered.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task A_checkout_that_waits_past_the_queue_timeout_is_a_503_with_retry_after()
    {
        using var gate = Gate(1, TimeSpan.FromSeconds(1));
        using var held = await gate.EnterAsync(CancellationToken.None);

        var refused = await Assert.ThrowsAsync<ProblemException>(() => gate.EnterAsync(CancellationToken.None));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, refused.Status);
        Assert.Equal(DependencyUnavailable.RetryAfter, refused.RetryAfter);
    }
}
