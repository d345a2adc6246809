using CultureHealth.Admin.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.Admin.Data;

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> e)
    {
        e.ToTable("staff_users");
        e.HasKey(u => u.Id);
        e.HasIndex(u => u.Email).IsUnique();
        e.Property(u => u.Email).HasMaxLength(254).IsRequired();
        e.Property(u => u.Name).HasMaxLength(120).IsRequired();
        e.Property(u => u.PasswordHash).HasMaxLength(400).IsRequired();
        e.Property(u => u.SecurityStamp).HasMaxLength(64).IsRequired();
    }
}

internal sealed class RefreshTokenConfiguration : IEntityTypeConfiguration<RefreshToken>
{
    public void Configure(EntityTypeBuilder<RefreshToken> e)
    {
        e.ToTable("refresh_tokens");
        e.HasKey(t => t.Id);
        e.HasIndex(t => t.TokenHash).IsUnique();
        e.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        e.HasIndex(t => t.StaffId);
        e.HasIndex(t => t.FamilyId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_entries");
        e.HasKey(a => a.Id);
        e.Property(a => a.Id).UseIdentityAlwaysColumn();
        e.Property(a => a.StaffEmail).HasMaxLength(254);
        e.Property(a => a.Action).HasMaxLength(300);
        e.Property(a => a.Target).HasMaxLength(500);
        e.Property(a => a.Details).HasColumnType("text");
        e.Property(a => a.ClientAddress).HasMaxLength(64);
        e.HasIndex(a => a.At);
        e.HasIndex(a => a.StaffId);
    }
}

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> e)
    {
        e.ToTable("sign_in_throttles");
        e.HasKey(t => t.Key);
        e.Property(t => t.Key).HasMaxLength(100);
    }
}
