using System.ComponentModel.DataAnnotations;
using CultureHealth.BackOffice.AdminApi;
using CultureHealth.BackOffice.Web;
using Microsoft.AspNetCore.Mvc;

namespace CultureHealth.BackOffice.Pages.Shop;

/// <summary>One order: what was bought and where it goes; ship it with a tracking reference; refund part or all of it.</summary>
public sealed class OrderModel(AdminClient admin) : StaffPageModel
{
    private static readonly Dictionary<string, string> Fields = new(StringComparer.OrdinalIgnoreCase)
    {
        ["trackingReference"] = nameof(TrackingReference), ["amountPence"] = nameof(RefundAmount), ["reason"] = nameof(RefundReason),
        ["overrideSpentVouchers"] = nameof(OverrideSpentVouchers), ["overrideReason"] = nameof(OverrideReason),
    };

    [BindProperty, Display(Name = "Tracking reference")]
    public string? TrackingReference { get; set; }

    [BindProperty, Display(Name = "Amount (£)")]
    public string? RefundAmount { get; set; }

    [BindProperty, Display(Name = "Reason")]
    public string? RefundReason { get; set; }

    [BindProperty, Display(Name = "Refund gift voucher value that has already been spent")]
    public bool OverrideSpentVouchers { get; set; }

    [BindProperty, Display(Name = "Why the spent value is refunded")]
    public string? OverrideReason { get; set; }

    public StaffOrder? Order { get; private set; }

    /// <summary>The order bought gift vouchers: shop refuses to refund value already spent unless told why (audited).</summary>
    public bool BoughtVouchers => Order?.Order.Lines.Any(l => l.Kind == "giftVoucher") == true;

    public bool MayShip => Order?.Order is { Status: "paid", ShippingAddress: not null };

    public bool MayRefund => Order?.Order is { Refundable: > 0 } o && o.Status is not ("pendingPayment" or "paymentFailed" or "cancelled");

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostShipAsync(Guid id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(TrackingReference))
        {
            ModelState.AddModelError(nameof(TrackingReference), "Enter the courier's tracking reference.");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct, keepStatus: true) ?? Page();
        }
        var result = await admin.PostAsync<StaffOrder>($"api/admin/shop/orders/{id}/ship", new { trackingReference = TrackingReference }, ct);
        return result.IsSuccess ? Done("order-shipped", routeValues: new { id }) : await RefusedAsync(id, result.Problem!, ct);
    }

    public async Task<IActionResult> OnPostRefundAsync(Guid id, CancellationToken ct)
    {
        long? pence = null;
        if (!string.IsNullOrWhiteSpace(RefundAmount))
        {
            if (Wording.TryParsePounds(RefundAmount, out var amount))
            {
                pence = amount;
            }
            else
            {
                ModelState.AddModelError(nameof(RefundAmount), "Enter an amount in pounds, like 12.50, or leave it empty to refund everything left.");
            }
        }
        if (string.IsNullOrWhiteSpace(RefundReason))
        {
            ModelState.AddModelError(nameof(RefundReason), "Say why (the customer's email does not show it; the audit log keeps it).");
        }
        if (ModelState.ErrorCount > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct, keepStatus: true) ?? Page();
        }
        if (OverrideSpentVouchers && string.IsNullOrWhiteSpace(OverrideReason))
        {
            ModelState.AddModelError(nameof(OverrideReason), "Say why spent voucher value is refunded (the audit log keeps it).");
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return await LoadAsync(id, ct, keepStatus: true) ?? Page();
        }
        var result = await admin.PostAsync<StaffOrder>($"api/admin/shop/orders/{id}/refunds", new
        {
            amountPence = pence, reason = RefundReason,
            overrideSpentVouchers = OverrideSpentVouchers ? true : (bool?)null, overrideReason = OverrideSpentVouchers ? OverrideReason : null,
        }, ct);
        return result.IsSuccess ? Done("order-refunded", routeValues: new { id }) : await RefusedAsync(id, result.Problem!, ct);
    }

    private async Task<IActionResult> RefusedAsync(Guid id, AdminProblem problem, CancellationToken ct)
    {
        if (problem.Status == StatusCodes.Status403Forbidden)
        {
            return Forbid();
        }
        var refused = Refused(problem, Fields);
        return await LoadAsync(id, ct, keepStatus: true) ?? refused;
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct, bool keepStatus = false)
    {
        var result = await admin.GetAsync<StaffOrder>($"api/admin/shop/orders/{id}", ct);
        if (result.Value is { } order)
        {
            Order = order;
            return null;
        }
        return result.Problem!.Status switch
        {
            StatusCodes.Status403Forbidden => Forbid(),
            StatusCodes.Status404NotFound => NotFound(),
            _ => keepStatus ? null : Refused(result.Problem),
        };
    }
}
