using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Shop.Application.Checkout;

/// <summary>
/// Caps the unpaid orders (held stock) one email and one client address may have open at once, so nobody can
/// keep products out of stock by checking out and never paying. Checked twice in a checkout: early and unlocked,
/// to refuse cheaply; then just before commit under transaction advisory locks on the email and the address,
/// so concurrent checkouts cannot overshoot the cap. The locks are taken last (after the stock rows), always
/// email first, so they are held briefly and cannot deadlock.
/// </summary>
internal sealed class UnpaidOrderLimits(ShopDbContext db, IOptions<ShopOptions> options)
{
    public const string ProblemType = "https://culturehealth.co.uk/problems/too-many-unpaid-orders";

    private ShopOptions Options => options.Value;

    /// <exception cref="ProblemException">429 with Retry-After: the email or the address is at its cap.</exception>
    public async Task EnsureRoomAsync(string email, string? clientAddress, DateTimeOffset now, bool locked, CancellationToken ct)
    {
        var normalised = email.Trim().ToLowerInvariant();
        if (locked)
        {
            await LockAsync("email:" + normalised, ct);
        }

        var byEmail = await db.Orders.AsNoTracking()
            .Where(o => (o.Status == OrderStatus.PendingPayment || o.Status == OrderStatus.PaymentFailed)
                && o.PaymentDueBy > now && o.CustomerEmail.ToLower() == normalised)
            .Select(o => o.PaymentDueBy).OrderBy(d => d).ToListAsync(ct);
        if (byEmail.Count >= Options.MaxUnpaidOrdersPerEmail)
        {
            throw Refused(byEmail, Options.MaxUnpaidOrdersPerEmail, now, "customer.email",
                $"This email already has {byEmail.Count} unpaid orders holding stock. Pay for one (its link is in the order confirmation) or wait for one to lapse.");
        }

        if (clientAddress is null)
        {
            return;
        }

        if (locked)
        {
            await LockAsync("client:" + clientAddress, ct);
        }

        var byClient = await db.Orders.AsNoTracking()
            .Where(o => (o.Status == OrderStatus.PendingPayment || o.Status == OrderStatus.PaymentFailed)
                && o.PaymentDueBy > now && o.HoldClientAddress == clientAddress)
            .Select(o => o.PaymentDueBy).OrderBy(d => d).ToListAsync(ct);
        if (byClient.Count >= Options.MaxUnpaidOrdersPerClient)
        {
            throw Refused(byClient, Options.MaxUnpaidOrdersPerClient, now, field: null,
                "Too many unpaid orders are waiting from your connection. Pay for one or wait for one to lapse.");
        }
    }

    private Task LockAsync(string key, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"shop-unpaid-orders:" + key}, 0))", ct);

    /// <summary>Retry-After: when enough of the open orders lapse for one more to fit.</summary>
    private static ProblemException Refused(IReadOnlyList<DateTimeOffset> dueDates, int cap, DateTimeOffset now, string? field, string detail) =>
        new(StatusCodes.Status429TooManyRequests, "Too many unpaid orders", detail, field, ProblemType)
        {
            RetryAfter = dueDates[dueDates.Count - cap] - now,
        };
}
