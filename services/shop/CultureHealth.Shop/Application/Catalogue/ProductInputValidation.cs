using System.Text.RegularExpressions;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;

namespace CultureHealth.Shop.Application.Catalogue;

/// <summary>Every field error of a product as staff send it, at once, so they fix them in one round trip.</summary>
internal static partial class ProductInputValidation
{
    public static RequestValidator ForCreate(ProductInput body)
    {
        var v = new RequestValidator().Required("sku", body.Sku, 64);
        if (body.Sku is not null && !SkuPattern().IsMatch(body.Sku.Trim()))
        {
            v.Add("sku", "Letters, digits and dashes only.");
        }

        if (body.Kind is null || !Enum.IsDefined(body.Kind.Value))
        {
            v.Add("kind", "One of physical, giftVoucher, treatmentPackage.");
        }

        if (body.Stock is < 0)
        {
            v.Add("stock", "Cannot be negative.");
        }

        return Common(v, body);
    }

    /// <summary>A product keeps its kind, and its stock changes only through the stock ledger.</summary>
    public static RequestValidator ForUpdate(ProductInput body, Product existing)
    {
        var v = Common(new RequestValidator(), body with { Kind = existing.Kind });
        if (body.Kind is { } kind && kind != existing.Kind)
        {
            v.Add("kind", "A product's kind cannot change; create a new product instead.");
        }

        if (body.Stock is not null)
        {
            v.Add("stock", "Stock changes through stock adjustments, which record a reason.");
        }

        return v;
    }

    private static RequestValidator Common(RequestValidator v, ProductInput body)
    {
        v.Required("slug", body.Slug, 120).Required("name", body.Name, 200).Optional("description", body.Description, 4000)
            .Required("category", body.Category, 60);
        if (body.Slug is not null && !SlugPattern().IsMatch(body.Slug))
        {
            v.Add("slug", "Lower-case letters, digits and dashes only.");
        }

        if (body.PricePence is not { } price)
        {
            v.Add("pricePence", "Required.");
        }
        else
        {
            v.Range("pricePence", price, 0, CartLimits.Default.MaxUnitPricePence);
        }

        if (body.VatClass is null || !Enum.IsDefined(body.VatClass.Value))
        {
            v.Add("vatClass", "One of standard, reduced, zero, exempt.");
        }
        else if (body.Kind == ProductKind.GiftVoucher && Vat.RateBasisPoints(body.VatClass.Value) != 0)
        {
            v.Add("vatClass", "Gift vouchers carry no VAT when sold; use exempt.");
        }

        if (body.Kind == ProductKind.TreatmentPackage)
        {
            v.Required("appointmentTypeCode", body.AppointmentTypeCode, 60);
            if (body.SessionsPerUnit is not (>= 1 and <= 100))
            {
                v.Add("sessionsPerUnit", "Between 1 and 100 sessions.");
            }
        }

        if (body.LowStockThreshold is < 0)
        {
            v.Add("lowStockThreshold", "Cannot be negative.");
        }

        if (body.ImageUrls is { } urls && (urls.Count > 10 || urls.Any(u => u is null || u.Length > 500)))
        {
            v.Add("imageUrls", "At most 10 URLs of up to 500 characters.");
        }

        return v;
    }

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex SkuPattern();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex SlugPattern();
}
