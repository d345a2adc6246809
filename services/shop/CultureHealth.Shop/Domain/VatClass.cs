namespace CultureHealth.Shop.Domain;

/// <summary>UK VAT treatment of a product. Catalogue prices are always VAT-inclusive.</summary>
public enum VatClass
{
    /// <summary>20 %: most physical goods (foam rollers, bands, massage balls) and delivery.</summary>
    Standard,

    /// <summary>5 %.</summary>
    Reduced,

    /// <summary>0 %: taxable supply at a nil rate (still reported on the VAT return).</summary>
    Zero,

    /// <summary>
    /// No VAT: e.g. physiotherapy by an HCPC-registered practitioner, and multi-purpose gift vouchers
    /// (which are outside the scope of VAT when sold; VAT is accounted for when they are redeemed).
    /// </summary>
    Exempt,
}
