using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Platform.Tests;

/// <summary>What the running system tells strangers and records about staff: API reference, caching, read audits.</summary>
public sealed class StaffDataExposureTests(WholeStack stack) : IClassFixture<WholeStack>
{
    [Theory]
    [InlineData("booking", "/api/booking/bookings", "/manage/booking")]
    [InlineData("shop", "/api/shop/checkout", "/manage/shop")]
    [InlineData("content", "/api/content/articles", "/manage/content")]
    [InlineData("admin", "/api/admin/auth/login", "/api/admin/staff")]
    public async Task The_public_API_reference_documents_public_operations_only(string service, string publicPath, string staffPath)
    {
        using var gateway = stack.GatewayClient();
        var document = await gateway.GetStringAsync(new Uri($"/openapi/{service}.json", UriKind.Relative));

        Assert.Contains($"\"{publicPath}", document, StringComparison.Ordinal);
        Assert.DoesNotContain(staffPath, document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_staff_API_document_is_served_to_staff_only_and_not_through_the_gateway()
    {
        using var anonymous = stack.Booking.CreateClient();
        using (var refused = await anonymous.GetAsync(new Uri("/openapi/staff.json", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        using var staff = stack.Booking.CreateClient(TestStaff.TokenFor(StaffRoles.Reception));
        Assert.Contains("/manage/booking/bookings", await staff.GetStringAsync(new Uri("/openapi/staff.json", UriKind.Relative)), StringComparison.Ordinal);

        // The gateway routes no service's staff document (its own describes only itself).
        using var gateway = stack.GatewayClient(TestStaff.TokenFor(StaffRoles.Admin));
        using var viaGateway = await gateway.GetAsync(new Uri("/openapi/staff.json", UriKind.Relative));
        Assert.DoesNotContain("/manage/", await viaGateway.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answers_that_carry_tokens_are_never_stored_by_caches()
    {
        using var gateway = stack.GatewayClient();
        using (var signIn = await gateway.PostAsJsonAsync("/api/admin/auth/login", new { email = WholeStack.AdminEmail, password = WholeStack.AdminPassword }))
        {
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
            Assert.True(signIn.Headers.CacheControl?.NoStore, "sign-in answer must be no-store");
        }
        using (var failed = await gateway.PostAsJsonAsync("/api/admin/auth/login", new { email = WholeStack.AdminEmail, password = "not it at all" }))
        {
            Assert.True(failed.Headers.CacheControl?.NoStore, "even a refused sign-in is no-store");
        }
        using (var cart = await gateway.PostAsync(new Uri("/api/shop/carts", UriKind.Relative), null))
        {
            Assert.True(cart.IsSuccessStatusCode, cart.StatusCode.ToString());
            Assert.True(cart.Headers.CacheControl?.NoStore, "a new cart's id is its token");
        }
        using var products = await gateway.GetAsync(new Uri("/api/shop/products", UriKind.Relative));
        Assert.NotEqual(true, products.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task A_staff_read_of_the_diary_through_admin_is_audited_with_who_read_it()
    {
        var reader = $"reader.{Guid.NewGuid():N}@test.culturehealth.local";
        var token = TestStaff.TokenFor(new StaffIdentity(Guid.NewGuid(), reader, "Reader", [StaffRoles.Reception]));
        using var gateway = stack.GatewayClient(token);

        using var response = await gateway.GetAsync(new Uri("/api/admin/booking/bookings?date=2026-12-01", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        await using var db = stack.Admin.OpenDb();
        var entry = await db.AuditEntries.SingleAsync(a => a.StaffEmail == reader);
        Assert.Equal("read GET /booking/bookings", entry.Action);
        Assert.Equal("?date=2026-12-01", entry.Details);

        // Reads of data about no one (the practitioner list) are not audited.
        using var practitioners = await gateway.GetAsync(new Uri("/api/admin/booking/appointment-types", UriKind.Relative));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.StaffEmail == reader));
    }
}
