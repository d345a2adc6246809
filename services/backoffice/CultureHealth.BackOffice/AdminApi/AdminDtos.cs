namespace CultureHealth.BackOffice.AdminApi;

// Admin's JSON shapes that the back office reads (camelCase on the wire). Only the fields the pages use.

public sealed record StaffSummary(Guid Id, string Email, string Name, IReadOnlyList<string> Roles, Guid? PractitionerId, bool Disabled);

/// <summary>What admin's sign-in and refresh answer.</summary>
public sealed record StaffTokens(string AccessToken, DateTimeOffset ExpiresAt, string RefreshToken, DateTimeOffset RefreshExpiresAt, StaffSummary Staff);

public sealed record DashboardBooking(Guid BookingId, string PractitionerName, string AppointmentTypeName, string PatientName, DateTimeOffset Start, DateTimeOffset End, string Status);

public sealed record DashboardComment(Guid CommentId, string ArticleSlug, string ArticleTitle, string AuthorName, string? Excerpt, DateTimeOffset SubmittedAt);

public sealed record DashboardOrder(Guid OrderId, string OrderNumber, string CustomerEmail, long TotalPence, DateTimeOffset? PaidAt);

public sealed record LowStockItem(string Sku, string Name, int Stock, int Threshold, DateTimeOffset ReportedAt);

public sealed record Revenue(long TodayPence, long ThisWeekPence, string Currency);

/// <summary>
/// Admin's dashboard, built from events so it answers while the shop or booking is down. A part the
/// member of staff's role does not cover may be left out (null) by admin; the page then leaves it out too.
/// </summary>
public sealed record Dashboard(
    DateOnly Today,
    IReadOnlyList<DashboardBooking>? TodaysBookings,
    IReadOnlyList<DashboardBooking>? TomorrowsBookings,
    IReadOnlyList<DashboardComment>? CommentsAwaitingModeration,
    IReadOnlyList<DashboardOrder>? OrdersNeedingFulfilment,
    IReadOnlyList<LowStockItem>? LowStock,
    Revenue? Revenue);
