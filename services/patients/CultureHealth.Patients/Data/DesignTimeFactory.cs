using CultureHealth.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CultureHealth.Patients.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the service.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PatientsDbContext>
{
    public PatientsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PatientsDbContext>().UseServiceConventions("Host=localhost;Database=patients_design").Options);
}
