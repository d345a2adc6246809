using System.ComponentModel.DataAnnotations;

namespace CultureHealth.Shop;

/// <summary>The "Shop" configuration section; validated at start-up.</summary>
public sealed class ShopOptions
{
    public const string Section = "Shop";

    /// <summary>A cart untouched for this long is gone.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "90.00:00:00")]
    public TimeSpan CartExpiry { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// An order not paid within this is cancelled and its stock put back. Short, because an unpaid order holds
    /// stock that nobody else can buy: long enough to fetch a card and pass 3-D Secure, no longer.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan PaymentTimeout { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Unpaid orders (stock held) one customer email may have open at once; more is a 429 until one is paid or lapses.</summary>
    [Range(1, 1_000_000)]
    public int MaxUnpaidOrdersPerEmail { get; set; } = 3;

    /// <summary>
    /// The same per client address (as forwarded by a trusted proxy), whatever the emails: one address cannot keep
    /// products out of stock by inventing customers. Higher than per email, for households and offices behind one address.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxUnpaidOrdersPerClient { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan SweeperInterval { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(long), "0", "100000")]
    public long ShippingFlatRatePence { get; set; } = 395;

    [Range(typeof(long), "0", "10000000")]
    public long FreeShippingFromPence { get; set; } = 5_000;

    [Range(1, 1000)]
    public int MaxQuantityPerLine { get; set; } = 20;

    /// <summary>HMAC secret shared with the payment provider for its webhooks. Never in source control.</summary>
    [Required]
    [MinLength(32)]
    public string WebhookSecret { get; set; } = "";

    /// <summary>
    /// Checkouts one replica runs at once (the rest wait their turn without holding a database connection); well
    /// under the connection pool, so a burst leaves connections for everything else.
    /// </summary>
    [Range(1, 1000)]
    public int CheckoutConcurrency { get; set; } = 8;

    /// <summary>How long a checkout waits for its turn before it is a 503 with Retry-After.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan CheckoutQueueTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How old a signed webhook may be before it is refused as a replay.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "01:00:00")]
    public TimeSpan WebhookTolerance { get; set; } = TimeSpan.FromMinutes(5);
}
