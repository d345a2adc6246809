using CultureHealth.ServiceDefaults.Problems;
using Microsoft.Extensions.Options;

namespace CultureHealth.Shop.Application.Checkout;

/// <summary>
/// How many checkouts one replica runs at once. Checkouts of one product take its stock row's lock in turn, each
/// holding a pooled database connection while it waits; a burst larger than the pool (a sale, a popular class pack)
/// would leave the rest waiting for a connection, and a connection wait gives up after a few seconds as "database
/// unavailable". Waiting here instead costs no connection, so a burst is served in order: the first buyers get
/// their orders, the rest a 409 once the stock is gone, and only a wait longer than
/// <see cref="ShopOptions.CheckoutQueueTimeout"/> is a 503 with Retry-After.
/// </summary>
internal sealed class CheckoutGate(IOptions<ShopOptions> options) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(options.Value.CheckoutConcurrency, options.Value.CheckoutConcurrency);

    public async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        if (!await _slots.WaitAsync(options.Value.CheckoutQueueTimeout, ct))
        {
            throw new ProblemException(StatusCodes.Status503ServiceUnavailable, "Checkout is busy",
                "Many checkouts are running at once. Nothing was charged or reserved; try again in a few seconds.")
            { RetryAfter = DependencyUnavailable.RetryAfter };
        }
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    private sealed class Slot(SemaphoreSlim slots) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                slots.Release();
            }
        }
    }
}
