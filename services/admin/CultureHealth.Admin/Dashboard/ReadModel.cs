namespace CultureHealth.Admin.Dashboard;

// Admin's own copy of what the other services announced, so the dashboard answers even when they are down.

public sealed class DashboardBooking
{
    public Guid BookingId { get; init; }
    public Guid PractitionerId { get; set; }
    public string PractitionerName { get; set; } = "";
    public string AppointmentTypeName { get; set; } = "";
    public string PatientName { get; set; } = "";
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }
    /// <summary>confirmed, cancelled or no-show.</summary>
    public string Status { get; set; } = "confirmed";
    /// <summary>The booking service's own sequence; an older event never overwrites a newer one.</summary>
    public int Sequence { get; set; }
}

public sealed class DashboardComment
{
    public Guid CommentId { get; init; }
    public string ArticleSlug { get; set; } = "";
    public string ArticleTitle { get; set; } = "";
    public string AuthorName { get; set; } = "";
    public string? Excerpt { get; set; }
    /// <summary>pending, approved, spam or trash.</summary>
    public string Status { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    public DateTimeOffset StatusAsOf { get; set; }
}

public sealed class DashboardOrder
{
    public Guid OrderId { get; init; }
    public string OrderNumber { get; set; } = "";
    public string CustomerEmail { get; set; } = "";
    public long TotalPence { get; set; }
    /// <summary>placed, paid, shipped, cancelled or refunded.</summary>
    public string Status { get; set; } = "placed";
    public bool HasPhysicalGoods { get; set; }
    public DateTimeOffset PlacedAt { get; set; }
    public DateTimeOffset? PaidAt { get; set; }
}

/// <summary>One line per payment (positive) or refund (negative), so revenue sums over any period.</summary>
public sealed class RevenueEntry
{
    public Guid EventId { get; init; }
    public Guid OrderId { get; init; }
    public long AmountPence { get; init; }
    public DateTimeOffset At { get; init; }
}

public sealed class LowStockAlert
{
    public Guid ProductId { get; init; }
    public string Sku { get; set; } = "";
    public string Name { get; set; } = "";
    public int Stock { get; set; }
    public int Threshold { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
}
