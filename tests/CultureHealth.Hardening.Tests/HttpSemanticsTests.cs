using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CultureHealth.Hardening.Tests.Sweep;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using Microsoft.Net.Http.Headers;

namespace CultureHealth.Hardening.Tests;

/// <summary>HEAD wherever GET works, no Server header, and conditional GETs on product and article reads.</summary>
[Collection(SweepStack.Collection)]
public sealed class HttpSemanticsTests(SweepStack stack)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task HEAD_answers_every_GET_operation_of_every_service_like_GET_without_the_body()
    {
        var checkedOperations = 0;
        foreach (var api in await ApiCatalog.LoadAsync(stack))
        {
            foreach (var op in api.Operations.Where(o => o.Method == "GET"))
            {
                var token = op.IsStaff ? TestStaff.TokenFor(StaffRoles.Admin) : null;
                var get = api.Generator.For(op, "any", token).First().Request;
                var head = get with { Method = "HEAD" };

                var getResponse = await RawHttp.SendAsync(api.Port, get, Deadline);
                var headResponse = await RawHttp.SendAsync(api.Port, head, Deadline);

                AssertSameButBodiless(op.ToString(), getResponse, headResponse);
                checkedOperations++;
            }
        }
        Assert.True(checkedOperations > 30, $"only {checkedOperations} GET operations found");
    }

    [Theory]
    [InlineData("/api/shop/products")]
    [InlineData("/api/content/articles")]
    [InlineData("/api/booking/practitioners")]
    [InlineData("/feed.xml")]
    [InlineData("/health")]
    [InlineData("/api-reference")]
    public async Task HEAD_works_through_the_gateway_too(string path)
    {
        var port = stack.Gateway.Port!.Value;
        var get = new RawRequest("GET", RawRequest.Ascii(path), [], null);

        var getResponse = await RawHttp.SendAsync(port, get, Deadline);
        var headResponse = await RawHttp.SendAsync(port, get with { Method = "HEAD" }, Deadline);

        Assert.Equal(200, getResponse.Status);
        AssertSameButBodiless(path, getResponse, headResponse);
    }

    [Fact]
    public async Task No_response_names_the_server_software_from_services_or_the_gateway()
    {
        var targets = stack.Services.Select(s => (s.Port, "/api/none")).Concat(stack.Services.Select(s => (s.Port, "/health/ready")))
            .Concat([(stack.Gateway.Port!.Value, "/api/shop/products"), (stack.Gateway.Port!.Value, "/nothing-here"), (stack.Gateway.Port!.Value, "/health")]);
        foreach (var (port, path) in targets)
        {
            var response = await RawHttp.SendAsync(port, new RawRequest("GET", RawRequest.Ascii(path), [], null), Deadline);
            Assert.Null(response.Header("Server"));
        }
    }

    [Fact]
    public async Task A_product_read_carries_an_ETag_and_answers_304_until_the_product_changes()
    {
        using var client = stack.Shop.CreateClient();
        var slug = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/shop/products", UriKind.Relative)))!["items"]![0]!["slug"]!.GetValue<string>();
        var path = $"/api/shop/products/{slug}";
        var etag = await AssertConditionalAsync(client, path);
        await AssertConditionalAsync(client, "/api/shop/products?page=1");
        await AssertConditionalAsync(stack.Gateway.CreateHttpClient(), path);

        // A change makes the old tag stale: the next conditional read gets the new representation.
        using var staff = stack.Shop.CreateClient(TestStaff.TokenFor(StaffRoles.ShopManager));
        var product = JsonNode.Parse(await staff.GetStringAsync(new Uri("/manage/shop/products", UriKind.Relative)))!.AsArray()
            .Select(p => p!).Single(p => p["product"]!["slug"]!.GetValue<string>() == slug);
        var view = product["product"]!;
        using var update = await staff.PutAsJsonAsync(new Uri($"/manage/shop/products/{view["id"]}", UriKind.Relative), new
        {
            slug, name = view["name"]!.GetValue<string>() + " (new)", description = view["description"]?.GetValue<string>(),
            category = view["category"]!.GetValue<string>(), pricePence = view["pricePence"]!.GetValue<long>(),
            vatClass = view["vatClass"]!.GetValue<string>(), appointmentTypeCode = view["appointmentTypeCode"]?.GetValue<string>(),
            sessionsPerUnit = view["sessionsPerUnit"]?.GetValue<int?>(),
        });
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);

        using var changed = await ConditionalGetAsync(client, path, etag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag, changed.Headers.ETag?.ToString());
        Assert.Contains("(new)", await changed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_reads_and_lists_carry_ETags_and_answer_304()
    {
        using var client = stack.Content.CreateClient();
        var slug = JsonNode.Parse(await client.GetStringAsync(new Uri("/api/content/articles", UriKind.Relative)))!["items"]![0]!["slug"]!.GetValue<string>();

        await AssertConditionalAsync(client, $"/api/content/articles/{slug}");
        await AssertConditionalAsync(client, "/api/content/articles?page=1");
        await AssertConditionalAsync(client, "/feed.xml");
        await AssertConditionalAsync(stack.Gateway.CreateHttpClient(), $"/api/content/articles/{slug}");
    }

    /// <summary>GET gives 200 with an ETag; the same GET with If-None-Match gives 304, no body, the same ETag.</summary>
    private static async Task<string> AssertConditionalAsync(HttpClient client, string path)
    {
        using var first = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var etag = first.Headers.ETag?.ToString();
        Assert.False(string.IsNullOrEmpty(etag), $"GET {path} has an ETag");

        // Twice: the first may fill the output cache, the second is answered from it.
        for (var i = 0; i < 2; i++)
        {
            using var again = await ConditionalGetAsync(client, path, etag!);
            Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
            Assert.Equal(etag, again.Headers.ETag?.ToString());
            Assert.Empty(await again.Content.ReadAsByteArrayAsync());
        }
        using var other = await ConditionalGetAsync(client, path, "\"not-the-tag\"");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        return etag!;
    }

    private static Task<HttpResponseMessage> ConditionalGetAsync(HttpClient client, string path, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation(HeaderNames.IfNoneMatch, etag);
        return client.SendAsync(request);
    }

    private static void AssertSameButBodiless(string what, RawResponse get, RawResponse head)
    {
        Assert.True(head.Status == get.Status, $"HEAD {what}: {head.Status}, GET: {get.Status}");
        Assert.True(head.Body.Length == 0, $"HEAD {what} sent {head.Body.Length} bytes of body");
        foreach (var header in new[] { "Content-Type", "ETag", "Cache-Control", "Location", "Last-Modified" })
        {
            Assert.True(get.Header(header) == head.Header(header), $"HEAD {what}: {header} {head.Header(header)} vs GET {get.Header(header)}");
        }
    }
}
