using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Platform.Tests;

public sealed class GatewayTraceTests(WholeStack stack) : IClassFixture<WholeStack>
{
    [Fact]
    public async Task A_staff_change_through_the_gateway_is_one_trace_from_gateway_to_the_consumer_in_another_service()
    {
        var practitionerId = Guid.NewGuid();
        using var client = stack.GatewayClient(TestStaff.TokenFor(StaffRoles.Admin));
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/admin/booking/practitioners/{practitionerId}")
        {
            Content = JsonContent.Create(new { name = "Grace Lin", title = "Physiotherapist" }),
        };

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);

        // The trace starts at the gateway's server span for this request.
        var gatewaySpan = await Eventually.GetAsync(
            () => Task.FromResult(stack.Spans.FirstOrDefault(s => s.Kind == ActivityKind.Server && Port(s) == stack.Gateway.Port
                && Path(s) == $"/api/admin/booking/practitioners/{practitionerId}")),
            s => s is not null, TimeSpan.FromSeconds(10), "the gateway recorded the request");
        var traceId = gatewaySpan!.TraceId;

        // The consumer in content finishes after the HTTP response: wait for its span, not a fixed time.
        IReadOnlyList<Activity> spans;
        try
        {
            spans = await Eventually.GetAsync(() => Task.FromResult(stack.Spans.For(traceId)),
                s => s.Any(a => a.Kind == ActivityKind.Consumer && a.Source.Name == "MassTransit"),
                TimeSpan.FromSeconds(30), "the content consumer's span joined the trace");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(e.Message + "\nIn trace: " + Describe(stack.Spans.For(traceId)) + "\nAll messaging: " + Describe(stack.Spans.Where(s => s.Source.Name != "Microsoft.AspNetCore" && s.Source.Name != "System.Net.Http" && s.Source.Name != "Npgsql").ToList()), e);
        }

        // The hop: the gateway's client span for the forwarded call is the parent of admin's server span.
        var adminSpan = Assert.Single(spans, s => s.Kind == ActivityKind.Server
            && Path(s) == $"/api/admin/booking/practitioners/{practitionerId}" && Port(s) == stack.Admin.Factory.Port);
        var forwarded = Assert.Single(spans, s => s.SpanId == adminSpan.ParentSpanId);
        Assert.Equal((ActivityKind.Client, gatewaySpan.SpanId), (forwarded.Kind, forwarded.ParentSpanId));
        Assert.Contains(spans, s => s.Kind == ActivityKind.Server && Path(s) == $"/manage/booking/practitioners/{practitionerId}");
        Assert.Contains(spans, s => s.Kind == ActivityKind.Producer && s.Source.Name == "MassTransit");
        // MassTransit records a "receive" span for the delivery and a "process" span for the consumer itself.
        var consume = Assert.Single(spans, s => s.Kind == ActivityKind.Consumer && s.Source.Name == "MassTransit"
            && s.DisplayName.EndsWith(" process", StringComparison.Ordinal));
        Assert.StartsWith("content-practitioner-profile-changed", consume.DisplayName, StringComparison.Ordinal);

        await using var content = stack.Content.OpenDb();
        Assert.True(await content.Authors.AnyAsync(a => a.Id == practitionerId));
    }

    [Fact]
    public async Task Aggregated_health_reports_every_service_healthy()
    {
        using var client = stack.GatewayClient();
        var health = await Eventually.GetAsync(async () =>
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }, r => r.StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30), "gateway health green");
        foreach (var service in new[] { "content", "shop", "booking", "patients", "admin" })
        {
            Assert.Contains($"\"{service}\":{{\"status\":\"Healthy\"", health.Body, StringComparison.Ordinal);
        }
    }

    private static string Describe(IEnumerable<Activity> spans) =>
        string.Join("\n  ", spans.Select(s => $"{s.TraceId} {s.Source.Name} {s.Kind} {s.DisplayName} parent={s.ParentSpanId}"));

    private static string? Path(Activity span) => span.GetTagItem("url.path") as string;

    private static int? Port(Activity span) => span.GetTagItem("server.port") is int port ? port : null;
}
