using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Admin.Dashboard;

namespace CultureHealth.Admin.Tests.Api;

/// <summary>The dashboard shows each role what its own APIs would show it, and nothing more.</summary>
public sealed class DashboardByRoleTests(AdminServiceFixture admin) : IClassFixture<AdminServiceFixture>, IAsyncLifetime
{
    private readonly Guid _practitioner = Guid.NewGuid();
    private readonly string _ownPatient = "Patient " + Guid.NewGuid().ToString("N")[..6];
    private readonly string _otherPatient = "Patient " + Guid.NewGuid().ToString("N")[..6];
    private readonly string _customerEmail = $"buyer.{Guid.NewGuid():N}@example.com";

    public async Task InitializeAsync()
    {
        var now = admin.Clock.GetUtcNow();
        await using var db = admin.Service.OpenDb();
        db.DashboardBookings.Add(new DashboardBooking
        {
            BookingId = Guid.NewGuid(), PractitionerId = _practitioner, PractitionerName = "Mine", AppointmentTypeName = "Follow-up",
            PatientName = _ownPatient, Start = now.AddMinutes(5), End = now.AddMinutes(50), Status = "confirmed",
        });
        db.DashboardBookings.Add(new DashboardBooking
        {
            BookingId = Guid.NewGuid(), PractitionerId = Guid.NewGuid(), PractitionerName = "Someone else", AppointmentTypeName = "Follow-up",
            PatientName = _otherPatient, Start = now.AddMinutes(5), End = now.AddMinutes(50), Status = "confirmed",
        });
        db.DashboardOrders.Add(new DashboardOrder
        {
            OrderId = Guid.NewGuid(), OrderNumber = "CH-ROLE-1", CustomerEmail = _customerEmail, TotalPence = 2995, Status = "paid",
            HasPhysicalGoods = true, PlacedAt = now, PaidAt = now,
        });
        db.DashboardComments.Add(new DashboardComment
        {
            CommentId = Guid.NewGuid(), ArticleSlug = "a", ArticleTitle = "A", AuthorName = "Jo", Excerpt = "Nice", Status = "pending",
            SubmittedAt = now, StatusAsOf = now,
        });
        db.LowStock.Add(new LowStockAlert { ProductId = Guid.NewGuid(), Sku = "BANDS-" + Guid.NewGuid().ToString("N")[..4], Name = "Bands", Stock = 1, Threshold = 5, ReportedAt = now });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(string Body, JsonElement Json)> DashboardAsAsync(Guid? practitionerId, params string[] roles)
    {
        var email = await admin.CreateStaffAsync("a dashboard passphrase", practitionerId, roles);
        using var client = admin.Client(AdminServiceFixture.NewAddress());
        var (_, session, signIn) = await AdminServiceFixture.SignInAsync(client, email, "a dashboard passphrase");
        signIn.Dispose();
        client.DefaultRequestHeaders.Authorization = AdminServiceFixture.Bearer(session!.AccessToken);
        using var response = await client.GetAsync(new Uri("/api/admin/dashboard", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        return (body, JsonDocument.Parse(body).RootElement.Clone());
    }

    private static bool Shown(JsonElement dashboard, string section) => dashboard.GetProperty(section).ValueKind != JsonValueKind.Null;

    [Fact]
    public async Task An_editor_sees_comments_but_no_patient_names_order_emails_or_revenue()
    {
        var (body, dashboard) = await DashboardAsAsync(null, "editor");
        Assert.True(Shown(dashboard, "commentsAwaitingModeration"));
        Assert.False(Shown(dashboard, "todaysBookings") || Shown(dashboard, "tomorrowsBookings"));
        Assert.False(Shown(dashboard, "ordersNeedingFulfilment") || Shown(dashboard, "revenue") || Shown(dashboard, "lowStock"));
        Assert.DoesNotContain(_ownPatient, body, StringComparison.Ordinal);
        Assert.DoesNotContain(_customerEmail, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shop_manager_sees_orders_and_stock_but_no_diary()
    {
        var (body, dashboard) = await DashboardAsAsync(null, "shop-manager");
        Assert.Contains(_customerEmail, body, StringComparison.Ordinal);
        Assert.True(Shown(dashboard, "lowStock") && Shown(dashboard, "revenue"));
        Assert.False(Shown(dashboard, "todaysBookings") || Shown(dashboard, "commentsAwaitingModeration"));
        Assert.DoesNotContain(_ownPatient, body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_practitioner_sees_only_their_own_diary()
    {
        var (body, dashboard) = await DashboardAsAsync(_practitioner, "practitioner");
        Assert.Contains(_ownPatient, body, StringComparison.Ordinal);
        Assert.DoesNotContain(_otherPatient, body, StringComparison.Ordinal);
        Assert.DoesNotContain(_customerEmail, body, StringComparison.Ordinal);
        Assert.False(Shown(dashboard, "ordersNeedingFulfilment") || Shown(dashboard, "commentsAwaitingModeration"));
    }

    [Fact]
    public async Task Reception_sees_the_whole_diary_and_nothing_of_the_shop()
    {
        var (body, dashboard) = await DashboardAsAsync(null, "reception");
        Assert.Contains(_ownPatient, body, StringComparison.Ordinal);
        Assert.Contains(_otherPatient, body, StringComparison.Ordinal);
        Assert.DoesNotContain(_customerEmail, body, StringComparison.Ordinal);
        Assert.False(Shown(dashboard, "ordersNeedingFulfilment") || Shown(dashboard, "revenue") || Shown(dashboard, "commentsAwaitingModeration"));
    }

    [Fact]
    public async Task An_admin_sees_everything()
    {
        var (body, dashboard) = await DashboardAsAsync(null, "admin");
        Assert.Contains(_ownPatient, body, StringComparison.Ordinal);
        Assert.Contains(_otherPatient, body, StringComparison.Ordinal);
        Assert.Contains(_customerEmail, body, StringComparison.Ordinal);
        Assert.True(Shown(dashboard, "commentsAwaitingModeration") && Shown(dashboard, "lowStock") && Shown(dashboard, "revenue"));
    }
}
