using CultureHealth.Storefront.Api;
using CultureHealth.Storefront.Web;

namespace CultureHealth.Storefront.Pages.Shop;

/// <summary>How the shop pages say prices, VAT, stock and order states, the same way everywhere.</summary>
public static class ShopText
{
    /// <summary>"gift-vouchers" → "Gift vouchers".</summary>
    public static string Category(string category) => Wording.TagName(category);

    /// <summary>The VAT inside a VAT-inclusive price, as UK shops must make plain to consumers.</summary>
    public static string VatNote(Product product) => (product.VatClass, product.Kind) switch
    {
        (ShopKinds.Exempt, ShopKinds.TreatmentPackage) => "No VAT: physiotherapy by registered practitioners is exempt",
        (ShopKinds.Exempt, ShopKinds.GiftVoucher) => "No VAT on a gift voucher: it applies when the voucher is spent",
        (ShopKinds.Exempt, _) => "VAT exempt",
        (ShopKinds.ZeroRate, _) => "Zero-rated for VAT",
        _ => $"Includes VAT of {Prices.Format(product.VatPence)} ({RatePercent(product.VatClass)}%)",
    };

    /// <summary>The short form for product cards: "incl. VAT" or "VAT exempt".</summary>
    public static string VatShort(string vatClass) => vatClass switch
    {
        ShopKinds.Exempt => "No VAT",
        ShopKinds.ZeroRate => "0% VAT",
        _ => "incl. VAT",
    };

    public static int RatePercent(string vatClass) => vatClass switch
    {
        ShopKinds.StandardRate => 20,
        ShopKinds.ReducedRate => 5,
        _ => 0,
    };

    public static string Stock(Product product) => product.Kind switch
    {
        ShopKinds.Physical => product.InStock ? "In stock" : "Out of stock",
        ShopKinds.GiftVoucher => "Emailed to you after payment",
        ShopKinds.TreatmentPackage => "Sessions credited after payment",
        _ => product.InStock ? "Available" : "Unavailable",
    };

    public static bool CanBuy(Product product) => product.InStock;

    /// <summary>An order's state in the customer's words.</summary>
    public static string Status(string status) => status switch
    {
        OrderStatuses.PendingPayment => "Waiting for payment",
        OrderStatuses.PaymentFailed => "Payment declined: waiting for payment",
        OrderStatuses.Paid => "Paid: being packed",
        OrderStatuses.Shipped => "On its way",
        OrderStatuses.Delivered => "Delivered",
        OrderStatuses.Completed => "Complete",
        OrderStatuses.Cancelled => "Cancelled",
        OrderStatuses.PartiallyRefunded => "Partly refunded",
        OrderStatuses.Refunded => "Refunded",
        _ => Wording.TagName(status),
    };

    /// <summary>What happened to an order at one moment of its history.</summary>
    public static string Event(string status) => status switch
    {
        OrderStatuses.PendingPayment => "Order placed",
        OrderStatuses.PaymentFailed => "Card declined",
        OrderStatuses.Paid => "Paid",
        OrderStatuses.Shipped => "Posted",
        OrderStatuses.Completed => "Complete",
        _ => Status(status),
    };

    /// <summary>"1 item", "3 items".</summary>
    public static string Items(int count) => count == 1 ? "1 item" : $"{count} items";

    /// <summary>The art that stands for a product (the catalogue has no photographs yet): one drawing per category.</summary>
    public static string ArtFor(string category, string kind) => kind switch
    {
        ShopKinds.GiftVoucher => "voucher",
        ShopKinds.TreatmentPackage => "package",
        _ => category switch
        {
            "recovery" => "recovery",
            "support" => "support",
            _ => "equipment",
        },
    };
}

/// <summary>A product's drawing (<see cref="ShopText.ArtFor"/>) at a size: "large" on its page, "card" in lists, "thumb" in the cart.</summary>
public sealed record ProductArt(string Art, string Size)
{
    public static ProductArt Of(Product product, string size) => new(ShopText.ArtFor(product.Category, product.Kind), size);
}
