using System.Security.Claims;
using CultureHealth.ServiceDefaults.Http;
using CultureHealth.ServiceDefaults.Patients;
using CultureHealth.Shop.Application.Orders;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Shop.Api;

/// <summary>"My account": the orders of the address the patient token proves, and nobody else's.</summary>
public static class PatientOrderEndpoints
{
    public static IEndpointRouteBuilder MapPatientOrderApi(this IEndpointRouteBuilder app)
    {
        var mine = app.MapGroup("/api/shop/me/orders").WithTags("My account").WithNoStore().RequireAuthorization(PatientPolicies.Patient);
        mine.MapGet("/", Mine);
        mine.MapGet("/{orderId:guid}", One);
        return app;
    }

    /// <summary>Orders placed with the token's email (as a guest too), newest first; 401 without a valid patient token.</summary>
    private static async Task<Ok<MyOrders>> Mine(ClaimsPrincipal user, PatientOrders orders, CancellationToken ct) =>
        TypedResults.Ok(await orders.ForAsync(user.VerifiedEmail()!, ct));

    /// <summary>One of the caller's orders in full; another address's order is 404, like a missing one.</summary>
    private static async Task<Results<Ok<OrderView>, NotFound>> One(Guid orderId, ClaimsPrincipal user, PatientOrders orders, CancellationToken ct) =>
        await orders.OneAsync(user.VerifiedEmail()!, orderId, ct) is { } order ? TypedResults.Ok(order) : TypedResults.NotFound();
}
