using CultureHealth.Messaging.Data;
using CultureHealth.Shop.Domain;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Shop.Data;

/// <summary>The clinic's demo catalogue; inserts only the SKUs and codes that are missing, so it is safe on every start.</summary>
internal sealed class ShopDemoData(TimeProvider clock) : IDemoDataSeeder<ShopDbContext>
{
    private static readonly Product[] Catalogue =
    [
        Physical("FOAM-ROLLER-45", "foam-roller-45cm", "Foam roller 45 cm", "equipment", 2_499, 40,
            "A firm, high-density foam roller for self-massage of calves, quads and upper back."),
        Physical("BAND-SET-3", "resistance-band-set", "Resistance band set (light, medium, heavy)", "equipment", 1_499, 60,
            "Three latex-free loop bands for the strengthening programmes our physiotherapists prescribe."),
        Physical("MASSAGE-BALL", "spiky-massage-ball", "Spiky massage ball", "equipment", 599, 80,
            "Pinpoints tight spots in the feet, glutes and shoulders."),
        Physical("HOT-COLD-PACK", "hot-cold-pack", "Reusable hot/cold pack", "recovery", 899, 50,
            "Microwave it for heat or freeze it for ice; comes with a fleece cover."),
        Physical("POSTURE-SUPPORT", "posture-support-brace", "Posture support brace", "support", 2_999, 25,
            "An adjustable brace that reminds you to sit tall at the desk."),
        Voucher("VOUCHER-25", "gift-voucher-25", "Gift voucher £25", 2_500),
        Voucher("VOUCHER-50", "gift-voucher-50", "Gift voucher £50", 5_000),
        Package("PKG-FOLLOWUP-5", "five-follow-up-sessions", "5 follow-up sessions", "follow-up", 5, 27_500,
            "Five 30-minute follow-up appointments with any of our physiotherapists, at a saving."),
        Package("PKG-SPORTS-MASSAGE-3", "three-sports-massages", "3 sports massages", "sports-massage", 3, 17_000,
            "Three 45-minute sports massages to keep training on track."),
    ];

    public async Task SeedAsync(ShopDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var existing = await db.Products.Select(p => p.Sku).ToListAsync(cancellationToken);
        foreach (var template in Catalogue.Where(p => !existing.Contains(p.Sku)))
        {
            db.Products.Add(Copy(template, now));
        }

        if (!await db.Coupons.AnyAsync(c => c.Code == "WELCOME10", cancellationToken))
        {
            db.Coupons.Add(new CouponRecord
            {
                Id = Guid.CreateVersion7(now), Code = "WELCOME10", Kind = CouponKind.Percentage, PercentageBasisPoints = 1_000,
                MinimumSpendPence = 2_000, PerCustomerLimit = 1, Active = true, CreatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static Product Copy(Product p, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), Sku = p.Sku, Slug = p.Slug, Name = p.Name, Description = p.Description, Category = p.Category,
        ImageUrls = [$"/images/shop/{p.Slug}.jpg"], PricePence = p.PricePence, VatClass = p.VatClass, Kind = p.Kind,
        AppointmentTypeCode = p.AppointmentTypeCode, SessionsPerUnit = p.SessionsPerUnit, Stock = p.Stock,
        LowStockThreshold = p.LowStockThreshold, Active = true, CreatedAt = now, UpdatedAt = now,
    };

    private static Product Physical(string sku, string slug, string name, string category, long price, int stock, string description) => new()
    {
        Sku = sku, Slug = slug, Name = name, Category = category, PricePence = price, Stock = stock, LowStockThreshold = 5,
        Kind = ProductKind.Physical, VatClass = VatClass.Standard, Description = description,
    };

    // Multi-purpose vouchers are outside the scope of VAT when sold (VAT is due when they are spent).
    private static Product Voucher(string sku, string slug, string name, long price) => new()
    {
        Sku = sku, Slug = slug, Name = name, Category = "gift-vouchers", PricePence = price, Kind = ProductKind.GiftVoucher,
        VatClass = VatClass.Exempt, Description = "A gift voucher for treatments or anything in our shop. Emailed as a code.",
    };

    // Physiotherapy by HCPC-registered practitioners is VAT-exempt medical care.
    private static Product Package(string sku, string slug, string name, string appointmentType, int sessions, long price, string description) => new()
    {
        Sku = sku, Slug = slug, Name = name, Category = "treatment-packages", PricePence = price, Kind = ProductKind.TreatmentPackage,
        VatClass = VatClass.Exempt, AppointmentTypeCode = appointmentType, SessionsPerUnit = sessions, Description = description,
    };
}
