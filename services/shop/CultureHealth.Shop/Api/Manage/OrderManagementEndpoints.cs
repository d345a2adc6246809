using System.Security.Claims;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Application;
using CultureHealth.Shop.Application.Orders;
using CultureHealth.Shop.Domain;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Shop.Api.Manage;

internal static class OrderManagementEndpoints
{
    public static RouteGroupBuilder MapOrderManagement(this RouteGroupBuilder manage)
    {
        var orders = manage.MapGroup("/orders").WithTags("Orders (staff)");
        orders.MapGet("/", List);
        orders.MapGet("/{id:guid}", Get);
        orders.MapPost("/{id:guid}/ship", Ship);
        orders.MapPost("/{id:guid}/deliver", Deliver);
        orders.MapPost("/{id:guid}/refunds", Refund);
        return manage;
    }

    /// <param name="customer">Part of the customer's name or email, or an order number (any status unless one is given).</param>
    private static async Task<Results<Ok<PagedList<OrderSummaryView>>, ValidationProblem>> List(
        string? status, string? customer, int? page, int? pageSize, StaffOrderQueries orders, CancellationToken ct)
    {
        // One answer names every bad filter, not the first one found.
        var v = new RequestValidator().Optional("customer", customer, 200);
        OrderStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
            {
                wanted = parsed;
            }
            else
            {
                v.Add("status", $"One of {string.Join(", ", Enum.GetNames<OrderStatus>())}.");
            }
        }
        if (v.Failed)
        {
            return v.Problem();
        }

        var (pageNumber, size) = Paging.Normalise(page, pageSize, 50);
        return TypedResults.Ok(await orders.ListAsync(wanted, customer, pageNumber, size, ct));
    }

    private static async Task<Results<Ok<StaffOrderView>, NotFound>> Get(Guid id, StaffOrderQueries orders, CancellationToken ct) =>
        await orders.FindAsync(id, ct) is { } order ? TypedResults.Ok(order) : TypedResults.NotFound();

    private static async Task<Results<Ok<StaffOrderView>, NotFound, ValidationProblem>> Ship(
        Guid id, ShipOrderRequest body, ClaimsPrincipal user, StaffOrderChanges changes, CancellationToken ct)
    {
        var v = new RequestValidator().Required("trackingReference", body.TrackingReference, 100);
        if (v.Failed)
        {
            return v.Problem();
        }

        var order = await changes.ShipAsync(id, body.TrackingReference!.Trim(), StaffActor.Of(user), ct);
        return order is null ? TypedResults.NotFound() : TypedResults.Ok(order);
    }

    private static async Task<Results<Ok<StaffOrderView>, NotFound>> Deliver(
        Guid id, ClaimsPrincipal user, StaffOrderChanges changes, CancellationToken ct)
    {
        var order = await changes.DeliverAsync(id, StaffActor.Of(user), ct);
        return order is null ? TypedResults.NotFound() : TypedResults.Ok(order);
    }

    private static async Task<Results<Ok<StaffOrderView>, NotFound, ValidationProblem>> Refund(
        Guid id, RefundOrderRequest body, ClaimsPrincipal user, OrderRefunds refunds, CancellationToken ct)
    {
        var v = new RequestValidator().Required("reason", body.Reason, 500);
        if (body.AmountPence is <= 0)
        {
            v.Add("amountPence", "A refund must be for more than 0p.");
        }

        if (body.OverrideSpentVouchers == true)
        {
            v.Required("overrideReason", body.OverrideReason, 500);
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        var command = new RefundCommand(body.AmountPence, body.Reason!.Trim(), body.OverrideSpentVouchers == true, body.OverrideReason?.Trim());
        var order = await refunds.RefundAsync(id, command, StaffActor.Of(user), ct);
        return order is null ? TypedResults.NotFound() : TypedResults.Ok(order);
    }
}
