using System.Security.Claims;
using CultureHealth.ServiceDefaults.Problems;
using CultureHealth.Shop.Application.Catalogue;
using CultureHealth.Shop.Application.Stock;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CultureHealth.Shop.Api.Manage;

internal static class ProductManagementEndpoints
{
    public static RouteGroupBuilder MapProductManagement(this RouteGroupBuilder manage)
    {
        var products = manage.MapGroup("/products").WithTags("Products (staff)");
        products.MapGet("/", List);
        products.MapPost("/", Create);
        products.MapPut("/{id:guid}", Update);
        products.MapPost("/{id:guid}/deactivate", Deactivate);
        products.MapPost("/{id:guid}/stock-adjustments", AdjustStock);
        return manage;
    }

    private static async Task<Ok<List<StaffProductView>>> List(StaffProducts products, CancellationToken ct) =>
        TypedResults.Ok(await products.ListAsync(ct));

    private static async Task<Results<Created<StaffProductView>, ValidationProblem>> Create(
        ProductInput body, StaffProducts products, CancellationToken ct)
    {
        var v = ProductInputValidation.ForCreate(body);
        if (v.Failed)
        {
            return v.Problem();
        }

        var product = await products.CreateAsync(body, ct);
        return TypedResults.Created($"/manage/shop/products/{product.Product.Id}", product);
    }

    private static async Task<Results<Ok<StaffProductView>, NotFound, ValidationProblem>> Update(
        Guid id, ProductInput body, StaffProducts products, CancellationToken ct) =>
        await products.UpdateAsync(id, body, ct) switch
        {
            { Refused: { } v } => v.Problem(),
            { Saved: { } product } => TypedResults.Ok(product),
            _ => TypedResults.NotFound(),
        };

    private static async Task<Results<Ok<StaffProductView>, NotFound>> Deactivate(Guid id, StaffProducts products, CancellationToken ct) =>
        await products.DeactivateAsync(id, ct) is { } product ? TypedResults.Ok(product) : TypedResults.NotFound();

    private static async Task<Results<Created<StockAdjustmentView>, NotFound, ValidationProblem>> AdjustStock(
        Guid id, StockAdjustmentRequest body, ClaimsPrincipal user, StaffStockAdjustments adjustments, CancellationToken ct)
    {
        var v = new RequestValidator().Required("reason", body.Reason, 500);
        if (body.Delta is not { } delta || delta == 0)
        {
            v.Add("delta", "A non-zero whole number of units to add (positive) or remove (negative).");
            delta = 0;
        }
        else
        {
            v.Range("delta", delta, -100_000, 100_000);
        }

        if (v.Failed)
        {
            return v.Problem();
        }

        return await adjustments.AdjustAsync(id, delta, body.Reason!.Trim(), StaffActor.Of(user), ct) is { } adjusted
            ? TypedResults.Created($"/manage/shop/products/{id}", adjusted)
            : TypedResults.NotFound();
    }
}
