using System.Security.Claims;
using CultureHealth.Admin.Application;
using CultureHealth.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Admin.Api;

public static class DashboardEndpoints
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/dashboard", async Task<Ok<DashboardDto>> (ClaimsPrincipal user, DashboardQuery dashboard, CancellationToken ct) =>
            TypedResults.Ok(await dashboard.ForAsync(user, ct))).RequireAuthorization(StaffPolicies.AnyStaff).WithTags("Dashboard");
        return app;
    }
}
