using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using Xunit.Abstractions;

namespace CultureHealth.Hardening.Tests.Sweep;

/// <summary>
/// The malformed-input sweep, generated from the services' own OpenAPI documents: every operation of
/// content, shop, booking and admin, public and staff, gets variants of each path, query, header and body
/// field (see <see cref="VariantGenerator"/>). Every answer must come within a deadline, never be a 5xx,
/// and every 4xx the app produces must be an RFC 9457 problem; refused text must be a 400 naming the field.
/// Afterwards every service is still ready and still answers a plain read.
/// </summary>
[Collection(SweepStack.Collection)]
public sealed class MalformedInputSweepTests(SweepStack stack, ITestOutputHelper output)
{
    /// <summary>Fixed, so a failure reproduces; change it to sample differently.</summary>
    private const int Seed = 20261129;

    /// <summary>Requests beyond the essential ones (each field's NUL, lone surrogate, wrong type…) are sampled to this many.</summary>
    private const int SampledBudget = 3500;

    /// <summary>The share of requests the gateway can route that are also sent through it.</summary>
    private const double GatewayShare = 0.15;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    // Least privilege first: each staff operation is swept with the first role it accepts.
    private static readonly string[] RolesToTry = [StaffRoles.Reception, StaffRoles.Editor, StaffRoles.ShopManager, StaffRoles.Admin];

    [Fact]
    public async Task Every_operation_answers_malformed_input_with_a_problem_and_never_a_server_error()
    {
        var clock = Stopwatch.StartNew();
        var variants = new List<Variant>();
        var apis = await ApiCatalog.LoadAsync(stack);
        foreach (var (_, port, ops, generator) in apis)
        {
            foreach (var op in ops)
            {
                var (caller, token) = op.IsStaff ? await StaffCallerAsync(port, op, generator) : ("public", null);
                variants.AddRange(generator.For(op, caller, token));
                // The other kind of caller too: anonymous on staff routes, a staff token on public ones.
                var other = op.IsStaff ? generator.For(op, "anonymous", null) : generator.For(op, "staff", TestStaff.TokenFor(StaffRoles.Admin));
                variants.AddRange(other.Where(v => v.Essential && v.Kind is "baseline" or "query NUL" or "body NUL" or "path NUL" or "header control U+0001"));
            }
        }
        var operations = apis.Sum(a => a.Operations.Count);

        var random = new Random(Seed);
        var essential = variants.Where(v => v.Essential).ToList();
        var sampled = variants.Where(v => !v.Essential).OrderBy(_ => random.Next()).Take(SampledBudget).ToList();
        var chosen = essential.Concat(sampled).ToList();
        // A share of them again through the gateway, as the public reaches the services.
        chosen.AddRange(chosen.Where(v => v.GatewayRoutes && random.NextDouble() < GatewayShare).Select(v => v with { ViaGateway = true }).ToList());
        var ports = stack.Services.ToDictionary(s => s.Name, s => s.Port);
        var gatewayPort = stack.Gateway.Port!.Value;

        var failures = new ConcurrentBag<string>();
        var statuses = new ConcurrentDictionary<int, int>();
        var kestrelRefusals = 0;
        await Parallel.ForEachAsync(chosen, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (variant, _) =>
        {
            RawResponse response;
            try
            {
                response = await RawHttp.SendAsync(variant.ViaGateway ? gatewayPort : ports[variant.Operation.Service], variant.Request, Deadline);
            }
            catch (Exception e) when (e is TimeoutException or InvalidDataException or System.Net.Sockets.SocketException)
            {
                failures.Add($"{variant}: {e.GetType().Name}: {e.Message}");
                return;
            }
            statuses.AddOrUpdate(response.Status, 1, (_, n) => n + 1);
            if (Judge(variant, response) is { } failure)
            {
                failures.Add($"{variant}: {failure}");
            }
            else if (IsKestrelRefusal(response))
            {
                Interlocked.Increment(ref kestrelRefusals);
            }
        });

        var summary = $"Sweep: {operations} operations, {variants.Count} variants generated, {chosen.Count} requests sent " +
                      $"({essential.Count} essential + {sampled.Count} sampled, {chosen.Count(v => v.ViaGateway)} of them also through the gateway; " +
                      $"seed {Seed}) in {clock.Elapsed.TotalSeconds:F0} s; " +
                      $"statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}; " +
                      $"{kestrelRefusals} refused by Kestrel before the app (bytes that are not HTTP).";
        output.WriteLine(summary);
        Console.WriteLine(summary);
        foreach (var failure in failures.Order(StringComparer.Ordinal).Take(400))
        {
            output.WriteLine(failure);
        }

        await AssertStackStillHealthyAsync();
        Assert.True(failures.IsEmpty, $"{failures.Count} of {chosen.Count} requests were answered wrongly; the first: " +
            string.Join(Environment.NewLine, failures.Order(StringComparer.Ordinal).Take(25)));
    }

    /// <summary>Why <paramref name="response"/> is wrong for <paramref name="variant"/>, or null when it is right.</summary>
    internal static string? Judge(Variant variant, RawResponse response)
    {
        var status = response.Status;
        if (status >= 500)
        {
            return $"{status} {Short(response.BodyText)}";
        }
        if ((variant.Request.Method == "HEAD" || status == 304) && response.Body.Length > 0)
        {
            return $"{status} to {variant.Request.Method} carried a body";
        }
        if (response.Header("Server") is { } server)
        {
            return $"Server header: {server}";
        }
        if (IsKestrelRefusal(response))
        {
            return variant.Expect is Expect.KestrelMayRefuse or Expect.RefusedFieldOrKestrel ? null : "a bare 400 from Kestrel for input the app should have judged";
        }
        if (status is >= 400 and < 500)
        {
            if (variant.Request.Method == "HEAD")
            {
                return response.Header("Content-Type")?.StartsWith("application/problem+json", StringComparison.Ordinal) == true
                    ? null : $"{status} to HEAD without the problem content type";
            }
            if (ProblemOf(response) is not { } problem)
            {
                return $"{status} without a problem+json body: {response.Header("Content-Type")} {Short(response.BodyText)}";
            }
            if (problem["status"]?.GetValue<int>() != status)
            {
                return $"{status} whose problem says status {problem["status"]}";
            }
            if (variant.Expect is Expect.RefusedField or Expect.RefusedFieldOrKestrel)
            {
                // A body is read after authentication and rate limits, and the gateway checks staff tokens and rate
                // limits before a service sees anything: a request stopped there never had its input judged.
                if ((variant.ViaGateway || variant.Kind.StartsWith("body ", StringComparison.Ordinal)) && status is 401 or 403 or 429)
                {
                    return null;
                }
                if (status != 400)
                {
                    return $"{status} where a 400 naming {variant.Field} was due: {Short(response.BodyText)}";
                }
                // At the gateway a path segment can only be called "path": the route template is the service's.
                var field = variant.ViaGateway && variant.Kind.StartsWith("path ", StringComparison.Ordinal) ? [variant.Field, "path"] : new[] { variant.Field };
                var named = problem["errors"] is JsonObject errors && errors.Any(e => field.Contains(e.Key, StringComparer.OrdinalIgnoreCase));
                return named ? null : $"400 that does not name {variant.Field}: {Short(response.BodyText)}";
            }
            return null;
        }
        return variant.Expect is Expect.RefusedField ? $"{status}: accepted what should be refused" : null;
    }

    /// <summary>Kestrel's own answer to bytes that are not HTTP (a NUL in the path, non-ASCII in a header): no body, no content type.</summary>
    private static bool IsKestrelRefusal(RawResponse response) =>
        response.Status == 400 && response.Body.Length == 0 && response.Header("Content-Type") is null;

    private static JsonObject? ProblemOf(RawResponse response)
    {
        if (response.Header("Content-Type")?.StartsWith("application/problem+json", StringComparison.Ordinal) != true)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(response.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Short(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>The least-privileged role whose token the operation accepts (its baseline is not 401 or 403).</summary>
    private static async Task<(string Caller, string Token)> StaffCallerAsync(int port, ApiOperation op, VariantGenerator generator)
    {
        foreach (var role in RolesToTry)
        {
            var token = TestStaff.TokenFor(role);
            var baseline = generator.For(op, role, token).First();
            var response = await RawHttp.SendAsync(port, baseline.Request, Deadline);
            if (response.Status is not (401 or 403))
            {
                return ("staff:" + role, token);
            }
        }
        return ("staff:admin", TestStaff.TokenFor(StaffRoles.Admin));
    }

    private async Task AssertStackStillHealthyAsync()
    {
        foreach (var (service, _, client) in stack.Services)
        {
            using var http = client();
            using var ready = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.True(ready.StatusCode == HttpStatusCode.OK, $"{service} is not ready after the sweep: {await ready.Content.ReadAsStringAsync()}");
        }
        using var gateway = stack.Gateway.CreateHttpClient();
        foreach (var read in new[] { "/api/content/articles", "/api/shop/products", "/api/booking/practitioners", "/health" })
        {
            using var response = await gateway.GetAsync(new Uri(read, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {read} through the gateway after the sweep: {(int)response.StatusCode}");
        }
    }
}
