using CultureHealth.Admin.Data;
using CultureHealth.Admin.Domain;
using CultureHealth.Admin.Domain.Passwords;
using CultureHealth.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Admin.Application;

/// <summary>Creates the first admin from configuration when the clinic has no staff accounts yet.</summary>
internal sealed partial class BootstrapAdminAccount(
    IServiceScopeFactory scopes, IOptions<AdminOptions> options, TimeProvider clock, ILogger<BootstrapAdminAccount> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Bootstrap is not { Email.Length: > 0, Password.Length: > 0 } bootstrap)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AdminDbContext>();
        if (await db.StaffUsers.AnyAsync(cancellationToken))
        {
            return;
        }
        if (scope.ServiceProvider.GetRequiredService<PasswordPolicy>().Problems(bootstrap.Password, bootstrap.Email) is { Count: > 0 } problems)
        {
            throw new InvalidOperationException($"Admin:Bootstrap:Password is not acceptable: {string.Join(" ", problems)}");
        }
        var user = new StaffUser
        {
            Id = Guid.NewGuid(),
            Email = StaffSessions.NormaliseEmail(bootstrap.Email),
            Name = bootstrap.Name,
            Roles = [StaffRoles.Admin],
            CreatedAt = clock.GetUtcNow(),
        };
        user.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<StaffUser>>().HashPassword(user, bootstrap.Password);
        db.StaffUsers.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        LogCreated(logger, user.Email);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first admin account {Email} from configuration")]
    private static partial void LogCreated(ILogger logger, string email);
}
