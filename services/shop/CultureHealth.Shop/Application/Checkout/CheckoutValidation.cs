using System.Text.RegularExpressions;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.ServiceDefaults.Secrets;
using CultureHealth.Shop.Domain;

namespace CultureHealth.Shop.Application.Checkout;

internal static partial class CheckoutValidation
{
    public static RequestValidator Validate(CheckoutRequest body)
    {
        var v = new RequestValidator()
            .Required("cartId", body.CartId, SecretToken.TokenLength)
            .Required("customer.name", body.Customer?.Name, 200)
            .Email("customer.email", body.Customer?.Email);
        if (body.GiftVoucherCode is not null && !GiftVoucherCode.TryParse(body.GiftVoucherCode, out _))
        {
            v.Add("giftVoucherCode", "That is not a gift voucher code (16 letters and digits, e.g. 7KQ2-MXAB-R9TE-HW4C).");
        }

        if (body.ShippingAddress is { } address)
        {
            v.Required("shippingAddress.line1", address.Line1, 200)
                .Optional("shippingAddress.line2", address.Line2, 200)
                .Required("shippingAddress.city", address.City, 100)
                .Required("shippingAddress.postcode", address.Postcode, 10);
            if (address.Postcode is not null && !UkPostcode().IsMatch(address.Postcode.Trim()))
            {
                v.Add("shippingAddress.postcode", "Not a UK postcode.");
            }

            if (address.Country is not null && !string.Equals(address.Country.Trim(), "GB", StringComparison.OrdinalIgnoreCase))
            {
                v.Add("shippingAddress.country", "We only post within the UK (GB).");
            }
        }

        return v;
    }

    // The general shape of UK postcodes (outward code, space optional, inward code); Royal Mail is the real authority.
    [GeneratedRegex("^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$")]
    private static partial Regex UkPostcode();
}
