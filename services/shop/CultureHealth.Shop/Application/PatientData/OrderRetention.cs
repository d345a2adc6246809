using CultureHealth.Messaging.Erasure;
using CultureHealth.ServiceDefaults.Hosting;
using CultureHealth.Shop.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Shop.Application.PatientData;

/// <summary>
/// The shop's retention policy ("Shop:Retention"): orders placed more than AnonymiseAfter ago keep their amounts, VAT,
/// lines and dates and lose who bought them and where they went, as an erasure does. HMRC wants VAT records for six
/// years from the end of the period they belong to, so the default (7 years after the order) is past that for any order.
/// </summary>
public sealed class OrderRetentionOptions
{
    public const string Section = "Shop:Retention";

    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "1.00:00:00", "36500.00:00:00")]
    public TimeSpan AnonymiseAfter { get; set; } = TimeSpan.FromDays(7 * 365 + 2);

    [System.ComponentModel.DataAnnotations.Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);
}

/// <summary>Applies <see cref="OrderRetentionOptions"/> every Interval, a batch at a time, on every replica (idempotent).</summary>
public sealed partial class OrderRetention(
    IServiceScopeFactory scopes, IOptions<OrderRetentionOptions> options, TimeProvider clock, ILogger<OrderRetention> logger)
    : BatchedPeriodicService(scopes, clock)
{
    protected override TimeSpan Interval => options.Value.Interval;

    protected override async Task<int> RunBatchAsync(IServiceProvider services, int batchSize, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<ShopDbContext>();
        var cutoff = Clock.GetUtcNow() - options.Value.AnonymiseAfter;
        var due = await db.Orders
            .Where(o => o.CreatedAt < cutoff && (o.CustomerEmail != ErasedPersonalData.Email || o.CustomerName != ErasedPersonalData.Name
                || o.ShippingLine1 != null || o.ShippingPostcode != null || o.HoldClientAddress != null))
            .OrderBy(o => o.CreatedAt).Select(o => o.Id).Take(batchSize).ToListAsync(cancellationToken);
        return due.Count == 0 ? 0 : await ShopPatientDataService.AnonymiseAsync(db.Orders.Where(o => due.Contains(o.Id)), cancellationToken);
    }

    protected override void OnBatchDone(int handled) => LogAnonymised(logger, handled);

    protected override void OnRoundFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: anonymised {Count} orders past the policy")]
    private static partial void LogAnonymised(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Applying the order retention policy failed; the next round tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
