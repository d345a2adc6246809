using CultureHealth.ServiceDefaults.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CultureHealth.ServiceDefaults.OpenApi;

/// <summary>
/// Two OpenAPI documents per process: <c>/openapi/v1.json</c> describes the public operations only (the gateway
/// publishes it as the API reference), <c>/openapi/staff.json</c> the operations that need a staff token, and
/// is itself served only to staff (and never routed by the gateway).
/// </summary>
public static class OpenApiDocuments
{
    public const string Public = "v1";
    public const string Staff = "staff";

    public static IServiceCollection AddPublicAndStaffOpenApi(this IServiceCollection services)
    {
        services.AddOpenApi(Public, o => o.ShouldInclude = d => InGroup(d, Public) && !NeedsAuthorization(d));
        services.AddOpenApi(Staff, o => o.ShouldInclude = d => InGroup(d, Staff) && NeedsAuthorization(d));
        return services;
    }

    public static IEndpointRouteBuilder MapPublicAndStaffOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapOpenApi($"/openapi/{{documentName:regex(^{Public}$)}}.json");
        endpoints.MapOpenApi($"/openapi/{{documentName:regex(^{Staff}$)}}.json").RequireAuthorization(StaffPolicies.AnyStaff);
        return endpoints;
    }

    /// <summary>An operation is for staff when it asks for authorization and does not allow anonymous callers.</summary>
    public static bool NeedsAuthorization(ApiDescription description)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        return (metadata.OfType<IAuthorizeData>().Any() || metadata.OfType<AuthorizationPolicy>().Any()) && !metadata.OfType<IAllowAnonymous>().Any();
    }

    private static bool InGroup(ApiDescription description, string document) =>
        description.GroupName is null || description.GroupName == document;
}
