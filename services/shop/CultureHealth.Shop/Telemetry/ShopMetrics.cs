using System.Diagnostics.Metrics;
using System.Text;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.ServiceDefaults.Telemetry;

namespace CultureHealth.Shop.Telemetry;

/// <summary>
/// The shop's takings and its funnel for the business dashboard. Each is counted once its change is
/// committed, next to the event that announces it. Money is in pence (GBP), as everywhere else.
/// </summary>
public sealed class ShopMetrics(IMeterFactory meters)
{
    public const string MeterName = "CultureHealth.Shop";

    private readonly Counter<long> _cartsCreated = meters.CreateCounter(MeterName, "culturehealth.carts.created", "{cart}", "Carts started: the top of the cart-to-paid funnel");
    private readonly Counter<long> _placed = meters.CreateCounter(MeterName, "culturehealth.orders.placed", "{order}", "Orders placed at checkout (awaiting payment)");
    private readonly Counter<long> _paid = meters.CreateCounter(MeterName, "culturehealth.orders.paid", "{order}", "Orders paid in full");
    private readonly Counter<long> _revenue = meters.CreateCounter(MeterName, "culturehealth.orders.revenue", "{penny}", "Value of paid orders in pence (GBP, VAT included)");
    private readonly Counter<long> _refunded = meters.CreateCounter(MeterName, "culturehealth.orders.refunded", "{refund}", "Refunds made to a card");
    private readonly Counter<long> _refundedAmount = meters.CreateCounter(MeterName, "culturehealth.orders.refunded_amount", "{penny}", "Money refunded in pence (GBP)");
    private readonly Counter<long> _cancelled = meters.CreateCounter(MeterName, "culturehealth.orders.cancelled", "{order}", "Unpaid orders cancelled (by the customer, staff or the payment-deadline sweeper)");
    private readonly Counter<long> _checkoutFailures = meters.CreateCounter(MeterName, "culturehealth.checkout.failures", "{failure}", "Checkouts and payments refused, by reason");
    private readonly Counter<long> _stockLow = meters.CreateCounter(MeterName, "culturehealth.stock.low", "{event}", "Times a product's stock fell to its low-stock threshold");

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
