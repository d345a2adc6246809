using System.Diagnostics.Metrics;
using System.Text;
using CultureHealth.ServiceDefaults.Problems;

namespace CultureHealth.Shop.Telemetry;

/// <summary>
/// The shop's takings and its funnel for the business dashboard. Each is counted once its change is
/// committed, next to the event that announces it. Money is in pence (GBP), as everywhere else.
/// </summary>
public sealed class ShopMetrics
{
    public const string MeterName = "CultureHealth.Shop";

    private readonly Counter<long> _cartsCreated;
    private readonly Counter<long> _placed;
    private readonly Counter<long> _paid;
    private readonly Counter<long> _revenue;
    private readonly Counter<long> _refunded;
    private readonly Counter<long> _refundedAmount;
    private readonly Counter<long> _cancelled;
    private readonly Counter<long> _checkoutFailures;
    private readonly Counter<long> _stockLow;

    public ShopMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _cartsCreated = meter.CreateCounter<long>("culturehealth.carts.created", "{cart}", "Carts started: the top of the cart-to-paid funnel");
        _placed = meter.CreateCounter<long>("culturehealth.orders.placed", "{order}", "Orders placed at checkout (awaiting payment)");
        _paid = meter.CreateCounter<long>("culturehealth.orders.paid", "{order}", "Orders paid in full");
        _revenue = meter.CreateCounter<long>("culturehealth.orders.revenue", "{penny}", "Value of paid orders in pence (GBP, VAT included)");
        _refunded = meter.CreateCounter<long>("culturehealth.orders.refunded", "{refund}", "Refunds made to a card");
        _refundedAmount = meter.CreateCounter<long>("culturehealth.orders.refunded_amount", "{penny}", "Money refunded in pence (GBP)");
        _cancelled = meter.CreateCounter<long>("culturehealth.orders.cancelled", "{order}", "Unpaid orders cancelled (by the customer, staff or the payment-deadline sweeper)");
        _checkoutFailures = meter.CreateCounter<long>("culturehealth.checkout.failures", "{failure}", "Checkouts and payments refused, by reason");
        _stockLow = meter.CreateCounter<long>("culturehealth.stock.low", "{event}", "Times a product's stock fell to its low-stock threshold");
    }

    public void CartCreated() => _cartsCreated.Add(1);

    public void OrderPlaced() => _placed.Add(1);

    public void OrderPaid(long totalPence)
    {
        _paid.Add(1);
        _revenue.Add(totalPence);
    }

    public void OrderRefunded(long amountPence)
    {
        _refunded.Add(1);
        _refundedAmount.Add(amountPence);
    }

    public void OrderCancelled() => _cancelled.Add(1);

    public void StockLow(int times = 1) => _stockLow.Add(times);

    /// <param name="reason">A short fixed code (out_of_stock, payment_declined, ...): never free text, so the series stay few.</param>
    public void CheckoutFailed(string reason) =>
        _checkoutFailures.Add(1, new KeyValuePair<string, object?>("culturehealth.checkout.failure_reason", reason));

    /// <summary>The reason code of a refused checkout: the problem's title, which the shop's code fixes, as snake_case.</summary>
    public static string ReasonOf(ProblemException problem)
    {
        var code = new StringBuilder(problem.Title.Length);
        foreach (var c in problem.Title)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                code.Append(char.ToLowerInvariant(c));
            }
            else if (code.Length > 0 && code[^1] != '_')
            {
                code.Append('_');
            }
        }
        return code.ToString().TrimEnd('_');
    }
}
