namespace CultureHealth.Shop.Domain;

public enum ProductKind
{
    /// <summary>Goods that are posted: the only kind that needs shipping.</summary>
    Physical,

    /// <summary>A multi-purpose gift voucher; cannot be discounted by a coupon.</summary>
    GiftVoucher,

    /// <summary>Prepaid treatment sessions (e.g. "5 follow-up sessions"), credited by the booking service.</summary>
    TreatmentPackage,
}
