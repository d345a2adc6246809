using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Notifications.Data;

internal sealed class MarketingConsentConfiguration : IEntityTypeConfiguration<MarketingConsent>
{
    public void Configure(EntityTypeBuilder<MarketingConsent> e)
    {
        e.ToTable("marketing_consents");
        e.HasKey(c => c.Email);
        e.Property(c => c.Email).HasMaxLength(320);
    }
}
