using CultureHealth.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Patients.Data;

public sealed class PatientsDbContext(DbContextOptions<PatientsDbContext> options) : DbContext(options)
{
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<EmailProof> EmailProofs => Set<EmailProof>();
    public DbSet<RequestCounter> RequestCounters => Set<RequestCounter>();
    public DbSet<ErasureRequest> ErasureRequests => Set<ErasureRequest>();
    public DbSet<ErasureReport> ErasureReports => Set<ErasureReport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PatientsDbContext).Assembly);
    }
}
