using System.Security.Claims;
using CultureHealth.Messaging.Data;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Data;
using CultureHealth.Shop.Domain;
using CultureHealth.Shop.Application.Orders;
using CultureHealth.Shop.Application.Payments;
using CultureHealth.Shop.Telemetry;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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
        string? status, string? customer, int? page, int? pageSize, ShopDbContext db, CancellationToken ct)
    {
        var query = db.Orders.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(customer))
        {
            if (customer.Length > 200)
            {
                return new RequestValidator().Add("customer", "At most 200 characters.").Problem();
            }
            var pattern = LikePatterns.Containing(customer);
            var number = customer.Trim().ToUpperInvariant();
            query = query.Where(o => o.Number == number
                || EF.Functions.ILike(o.CustomerName, pattern, LikePatterns.Escape)
                || EF.Functions.ILike(o.CustomerEmail, pattern, LikePatterns.Escape));
        }
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var wanted) || !Enum.IsDefined(wanted))
            {
                return new RequestValidator().Add("status", $"One of {string.Join(", ", Enum.GetNames<OrderStatus>())}.").Problem();
            }

            query = query.Where(o => o.Status == wanted);
        }

        var (pageNumber, size) = Paging.Normalise(page, pageSize, 50);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(o => o.CreatedAt).Skip((pageNumber - 1) * size).Take(size)
            .Select(o => new OrderSummaryView(o.Id, o.Number, o.Status, o.CustomerName, o.CustomerEmail, o.TotalPence, o.AmountPaidPence, o.RefundedPence, o.CreatedAt))
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedList<OrderSummaryView>(items, pageNumber, size, total));
    }

    private static async Task<Results<Ok<StaffOrderView>, NotFound>> Get(Guid id, ShopDbContext db, CancellationToken ct)
    {
        var order = await OrderLoader.LoadAsync(db, id, ct);
        return order is null ? TypedResults.NotFound() : TypedResults.Ok(await StaffViewAsync(db, order, ct));
    }

    private static async Task<Results<Ok<StaffOrderView>, NotFound, ValidationProblem>> Ship(
        Guid id, ShipOrderRequest body, ClaimsPrincipal user, StaffOrderChanges changes, ShopDbContext db, CancellationToken ct)
    {
        var v = new RequestValidator().Required("trackingReference", body.TrackingReference, 100);
        if (v.Failed)
        {
            return v.Problem();
        }

        var order = await changes.ShipAsync(id, body.TrackingReference!.Trim(), StaffActor.Of(user), ct);
        return order is null ? TypedResults.NotFound() : TypedResults.Ok(await StaffViewAsync(db, order, ct));
    }

    private static async Task<Results<Ok<StaffOrderView>, NotFound>> Deliver(
        Guid id, ClaimsPrincipal user, StaffOrderChanges changes, ShopDbContext db, CancellationToken ct)
    {
        var order = await changes.DeliverAsync(id, StaffActor.Of(user), ct);
        return order is null ? TypedResults.NotFound() : TypedResults.Ok(await StaffViewAsync(db, order, ct));
    }

    private static async Task<Results<Ok<StaffOrderView>, NotFound, ValidationProblem>> Refund(
        Guid id, RefundOrderRequest body, ClaimsPrincipal user, OrderRefunds refunds, ShopDbContext db, CancellationToken ct)
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
        return order is null ? TypedResults.NotFound() : TypedResults.Ok(await StaffViewAsync(db, order, ct));
    }

    private static async Task<StaffOrderView> StaffViewAsync(ShopDbContext db, Order order, CancellationToken ct)
    {
        var payments = await db.Payments.AsNoTracking().Where(p => p.OrderId == order.Id).OrderBy(p => p.CreatedAt)
            .Select(p => new PaymentSummaryView(p.Id, p.Provider, p.ProviderChargeId, p.AmountPence, p.Status.ToString(), p.FailureReason, p.CreatedAt))
            .ToListAsync(ct);
        var refunds = await db.Refunds.AsNoTracking().Where(r => r.OrderId == order.Id).OrderBy(r => r.CreatedAt)
            .Select(r => new RefundView(r.Id, r.AmountPence, r.Reason, r.Actor, r.SpentVoucherPence, r.OverrideReason, r.CreatedAt))
            .ToListAsync(ct);
        return new StaffOrderView(await OrderLoader.ViewAsync(db, order, ct), payments, refunds);
    }
}
