using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using CultureHealth.Hardening.Tests.Sweep;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;

namespace CultureHealth.Hardening.Tests;

/// <summary>
/// The cases the issue reported (text PostgreSQL cannot store reaching it from search strings and product
/// fields answered 500) and the shapes of the boundary's answer, each asserted by name.
/// </summary>
[Collection(SweepStack.Collection)]
public sealed class InputBoundaryTests(SweepStack stack)
{
    [Theory]
    [InlineData("shop", "/api/shop/products?q=a%00b", "q")]
    [InlineData("shop", "/api/shop/products?category=%00", "category")]
    [InlineData("content", "/api/content/articles?q=a%00b", "q")]
    [InlineData("content", "/api/content/articles?tag=a%00b", "tag")]
    [InlineData("shop", "/api/shop/products?q=caf%FF", "q")]
    [InlineData("shop", "/api/shop/products?q=%ED%A0%80", "q")]
    [InlineData("shop", "/api/shop/products?q=100%", "q")]
    [InlineData("shop", "/api/shop/products/a%01b", "slug")]
    [InlineData("shop", "/api/shop/products/a%FFb", "slug")]
    [InlineData("content", "/api/content/articles/x%C0%80", "slug")]
    [InlineData("booking", "/api/booking/availability?appointmentTypeId=abc", "appointmentTypeId")]
    [InlineData("content", "/api/content/articles?page=9999999999", "page")]
    public async Task Text_nobody_may_send_in_a_query_or_route_value_is_a_400_naming_it(string service, string target, string field)
    {
        var response = await SendAsync(service, "GET", target);

        await AssertRefusedAsync(response, field);
    }

    [Fact]
    public async Task A_product_field_holding_NUL_is_refused_naming_it_and_nothing_is_written()
    {
        var before = await ProductCountAsync();
        using var staff = stack.Shop.CreateClient(TestStaff.TokenFor(StaffRoles.ShopManager));
        using var content = new StringContent(
            """{"sku":"NUL-1","slug":"nul-product","name":"Foam\u0000roller","description":"d","category":"equipment","pricePence":1000,"vatClass":"standard","kind":"physical","stock":1}""",
            Encoding.UTF8, "application/json");

        using var response = await staff.PostAsync(new Uri("/manage/shop/products", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.True(problem["errors"]!.AsObject().ContainsKey("name"), problem.ToJsonString());
        Assert.Equal(before, await ProductCountAsync());
    }

    [Theory]
    [InlineData("\\u0001", "authorName")]
    [InlineData("\\ud800", "authorName")]
    [InlineData("\\u007f", "authorName")]
    public async Task A_comment_with_a_control_character_or_lone_surrogate_is_refused_naming_the_field(string escaped, string field)
    {
        var slug = await FirstArticleSlugAsync();
        using var client = CommenterClient();
        using var content = new StringContent(
            $$"""{"authorName":"Sam{{escaped}}","authorEmail":"sam@example.com","body":"A perfectly ordinary comment."}""", Encoding.UTF8, "application/json");

        using var response = await client.PostAsync(new Uri($"/api/content/articles/{slug}/comments", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await ProblemAsync(response))["errors"]!.AsObject().ContainsKey(field));
    }

    [Fact]
    public async Task Line_breaks_and_tabs_stay_allowed_in_body_text()
    {
        var slug = await ArticleOpenForCommentsAsync();
        using var client = CommenterClient();

        using var response = await client.PostAsJsonAsync(new Uri($"/api/content/articles/{slug}/comments", UriKind.Relative),
            new { authorName = "Sam Tab", authorEmail = "sam.tab@example.com", body = "First paragraph.\r\n\r\nSecond\tparagraph." });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task A_header_the_endpoint_reads_with_a_control_character_or_too_long_is_refused_naming_it()
    {
        var control = await SendAsync("shop", "POST", "/api/shop/checkout", [("Idempotency-Key", [(byte)'k', 0x01]), ("Content-Type", "application/json"u8.ToArray())], "{}"u8.ToArray());
        await AssertRefusedAsync(control, "Idempotency-Key");

        var tooLong = await SendAsync("shop", "POST", "/api/shop/checkout", [("Idempotency-Key", RawRequest.Ascii(new string('k', 300))), ("Content-Type", "application/json"u8.ToArray())], "{}"u8.ToArray());
        await AssertRefusedAsync(tooLong, "Idempotency-Key");
    }

    [Fact]
    public async Task An_error_is_problem_json_even_when_the_client_accepts_only_xml()
    {
        var response = await SendAsync("shop", "GET", "/api/shop/no-such-thing", [("Accept", "application/xml"u8.ToArray())]);

        Assert.Equal(404, response.Status);
        Assert.StartsWith("application/problem+json", response.Header("Content-Type"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_time_with_an_offset_is_stored_as_the_same_instant_not_a_500()
    {
        using var staff = stack.Shop.CreateClient(TestStaff.TokenFor(StaffRoles.ShopManager));
        var expires = new DateTimeOffset(2027, 10, 31, 1, 30, 0, TimeSpan.FromHours(1));

        using var created = await staff.PostAsJsonAsync(new Uri("/manage/shop/coupons", UriKind.Relative), new
        {
            code = "OFFSET" + Random.Shared.Next(1000, 9999), kind = "percentage", percentageBasisPoints = 1000, expiresAt = expires,
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var coupon = JsonNode.Parse(await created.Content.ReadAsStringAsync())!;
        Assert.Equal(expires, coupon["expiresAt"]!.GetValue<DateTimeOffset>());

        using var admin = stack.Admin.CreateClient(TestStaff.TokenFor(StaffRoles.Admin));
        using var audit = await admin.GetAsync(new Uri("/api/admin/audit?from=2026-10-25T01:30:00%2B01:00", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
    }

    private async Task<RawResponse> SendAsync(string service, string method, string target, IReadOnlyList<(string, byte[])>? headers = null, byte[]? body = null)
    {
        var port = stack.Services.Single(s => s.Name == service).Port;
        return await RawHttp.SendAsync(port, new RawRequest(method, RawRequest.Ascii(target), headers ?? [], body), TimeSpan.FromSeconds(20));
    }

    private static Task AssertRefusedAsync(RawResponse response, string field)
    {
        Assert.True(response.Status == 400, $"{response.Status}: {response.BodyText}");
        Assert.StartsWith("application/problem+json", response.Header("Content-Type"), StringComparison.Ordinal);
        var errors = JsonNode.Parse(response.Body)!["errors"]!.AsObject();
        Assert.True(errors.Any(e => e.Key.Equals(field, StringComparison.OrdinalIgnoreCase)), $"the problem names {field}: {response.BodyText}");
        return Task.CompletedTask;
    }

    private static async Task<JsonObject> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    private async Task<int> ProductCountAsync()
    {
        using var staff = stack.Shop.CreateClient(TestStaff.TokenFor(StaffRoles.ShopManager));
        return JsonNode.Parse(await staff.GetStringAsync(new Uri("/manage/shop/products", UriKind.Relative)))!.AsArray().Count;
    }

    /// <summary>A client the comment rate limit counts on its own (content trusts the gateway's X-Forwarded-For).</summary>
    private HttpClient CommenterClient()
    {
        var client = stack.Content.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{Interlocked.Increment(ref _commenters)}");
        return client;
    }

    private static int _commenters;

    /// <summary>The sweep shares this stack and may have closed comments on some articles (a staff operation).</summary>
    private async Task<string> ArticleOpenForCommentsAsync()
    {
        using var client = stack.Content.CreateClient();
        var page = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/content/articles", UriKind.Relative)))!;
        foreach (var item in page["items"]!.AsArray())
        {
            var slug = item!["slug"]!.GetValue<string>();
            var article = JsonNode.Parse(await client.GetStringAsync(new Uri($"/api/content/articles/{slug}", UriKind.Relative)))!;
            if (article["commentsOpen"]!.GetValue<bool>())
            {
                return slug;
            }
        }
        throw new InvalidOperationException("No published article takes comments.");
    }

    private async Task<string> FirstArticleSlugAsync()
    {
        using var client = stack.Content.CreateClient();
        var page = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/content/articles", UriKind.Relative)))!;
        return page["items"]![0]!["slug"]!.GetValue<string>();
    }
}
