using CultureHealth.BackOffice.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CultureHealth.BackOffice.Data;

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> session)
    {
        session.ToTable("staff_sessions");
        session.HasKey(s => s.IdHash);
        session.Property(s => s.IdHash).HasMaxLength(64);
        session.Property(s => s.Email).HasMaxLength(254);
        session.Property(s => s.Name).HasMaxLength(120);
        session.Property(s => s.AntiforgeryToken).HasMaxLength(64);
        session.HasIndex(s => s.StaffId);
        session.HasIndex(s => s.LastSeenAt);
    }
}
