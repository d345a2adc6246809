using CultureHealth.Messaging.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CultureHealth.BackOffice.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the app.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<BackOfficeDbContext>
{
    public BackOfficeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<BackOfficeDbContext>().UseServiceConventions("Host=localhost;Database=backoffice_design").Options);
}
