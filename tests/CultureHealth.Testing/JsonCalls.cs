using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace CultureHealth.Testing;

/// <summary>
/// A call that must succeed with one status and answer JSON, for tests that drive the system as traffic: a wrong
/// status fails the test with the method, path and the answer's body, so the failure says what the system said.
/// </summary>
public static class JsonCalls
{
    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        return await ReadAsync(response, HttpStatusCode.OK, "GET " + path);
    }

    /// <param name="idempotent">Send a fresh Idempotency-Key (the shop's checkout and payments need one).</param>
    public static async Task<JsonNode> SendJsonAsync(this HttpClient client, HttpMethod method, string path, object body,
        HttpStatusCode expected, bool idempotent = false, string? bearer = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        if (idempotent)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        }
        using var response = await client.SendAsync(request);
        return await ReadAsync(response, expected, $"{method} {path}");
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response, HttpStatusCode expected, string what)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{what}: expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
