using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;

namespace CultureHealth.Hardening.Tests.Sweep;

/// <summary>One running service's operations, read from its own OpenAPI document, with baselines from its live data.</summary>
public sealed record ServiceApi(string Service, int Port, IReadOnlyList<ApiOperation> Operations, VariantGenerator Generator);

public static class ApiCatalog
{
    public static async Task<List<ServiceApi>> LoadAsync(SweepStack stack)
    {
        var apis = new List<ServiceApi>();
        foreach (var (service, port, client) in stack.Services)
        {
            var document = new OpenApiDocument(service, await ReadDocumentsAsync(client));
            var baselines = new Baselines(document);
            var operations = document.Operations().ToList();
            await HarvestAsync(port, operations, baselines);
            apis.Add(new ServiceApi(service, port, operations, new VariantGenerator(document, baselines)));
        }
        return apis;
    }

    /// <summary>
    /// The public document (/openapi/v1.json) and the staff one (/openapi/staff.json, itself for staff only) as one:
    /// the staff operations and the schemas they use are added to the public document.
    /// </summary>
    private static async Task<JsonObject> ReadDocumentsAsync(Func<HttpClient> client)
    {
        using var http = client();
        var document = JsonNode.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!.AsObject();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestStaff.TokenFor(StaffRoles.Admin));
        var staff = JsonNode.Parse(await http.GetStringAsync(new Uri("/openapi/staff.json", UriKind.Relative)))!.AsObject();

        var paths = document["paths"]!.AsObject();
        foreach (var (path, item) in staff["paths"]?.AsObject() ?? [])
        {
            if (paths[path] is not JsonObject existing)
            {
                paths[path] = item!.DeepClone();
                continue;
            }
            foreach (var (method, operation) in item!.AsObject())
            {
                existing[method] ??= operation!.DeepClone();
            }
        }
        document["components"] ??= new JsonObject();
        var schemas = (document["components"]!["schemas"] ??= new JsonObject()).AsObject();
        foreach (var (name, schema) in staff["components"]?["schemas"]?.AsObject() ?? [])
        {
            schemas[name] ??= schema!.DeepClone();
        }
        return document;
    }

    /// <summary>Reads every parameterless list (and makes what a bodiless POST makes, a cart) so baselines use real ids.</summary>
    private static async Task HarvestAsync(int port, List<ApiOperation> ops, Baselines baselines)
    {
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestStaff.TokenFor(StaffRoles.Admin));
        foreach (var op in ops.Where(o => !o.Path.Contains('{', StringComparison.Ordinal) && o.Parameters.All(p => !p.Required) && o.Body is null))
        {
            if (op.Method is not ("GET" or "POST") || op.Path.Contains("logout", StringComparison.Ordinal))
            {
                continue;
            }
            using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(op.Method), op.Path));
            if (response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType == "application/json")
            {
                baselines.Harvested(op.Path, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
            }
        }
    }
}
