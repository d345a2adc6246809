using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CultureHealth.Hardening.Tests.Sweep;

/// <summary>What a variant must get back, beyond "no 5xx, no hang, a problem body on every 4xx".</summary>
public enum Expect
{
    /// <summary>Any 2xx–4xx (a 4xx with a problem body).</summary>
    NoServerError,

    /// <summary>400 whose problem names <see cref="Variant.Field"/>: text or a value we refuse.</summary>
    RefusedField,

    /// <summary>As <see cref="RefusedField"/>, or Kestrel's own bare 400 (the bytes break HTTP itself).</summary>
    RefusedFieldOrKestrel,

    /// <summary>Any answer, Kestrel's bare 400 included.</summary>
    KestrelMayRefuse,
}

public sealed record Variant(ApiOperation Operation, string Kind, string Caller, RawRequest Request, string? Field, Expect Expect, bool Essential)
{
    /// <summary>Sent to the gateway instead of the service: the public path every client takes.</summary>
    public bool ViaGateway { get; init; }

    /// <summary>Whether the gateway has a route to this operation (the services' /manage API is reached through admin).</summary>
    public bool GatewayRoutes => Operation.Path.StartsWith("/api/", StringComparison.Ordinal) || Operation.Path is "/feed.xml" or "/sitemap.xml";

    public override string ToString() => $"{Operation} [{Caller}{(ViaGateway ? " via gateway" : "")}] {Kind}{(Field is null ? "" : " @" + Field)}";
}

/// <summary>One URL value to put in a path segment or a query value, already in its raw (encoded) form.</summary>
internal sealed record UrlValue(string Name, byte[] Raw, Expect ForText, bool Essential = false)
{
    public UrlValue(string name, string raw, Expect forText, bool essential = false) : this(name, RawRequest.Ascii(raw), forText, essential)
    {
    }
}

/// <summary>One raw JSON fragment to put where a field's value was.</summary>
internal sealed record JsonFragment(string Name, byte[] Raw, Expect Expect, bool Essential = false)
{
    public JsonFragment(string name, string json, Expect expect, bool essential = false) : this(name, Encoding.UTF8.GetBytes(json), expect, essential)
    {
    }
}

/// <summary>
/// Derives the malformed variants of an operation from its OpenAPI description: for every path, query,
/// header and body field, wrong types, boundaries, broken encodings, control characters, lone surrogates,
/// deep nesting, huge values and missing fields; each changes one thing in an otherwise plausible request.
/// </summary>
public sealed class VariantGenerator(OpenApiDocument document, Baselines baselines)
{
    private const string Marker = "@@SWEEP@@";

    private sealed class Parts
    {
        public required Dictionary<string, byte[]> Path { get; init; }
        public required List<(byte[] Key, byte[] Value)> Query { get; init; }
        public required List<(string Name, byte[] Value)> Headers { get; init; }
        public byte[]? Body { get; set; }
        public string? Method { get; set; }

        public Parts Clone() => new()
        {
            Path = new Dictionary<string, byte[]>(Path),
            Query = [.. Query],
            Headers = [.. Headers],
            Body = Body,
            Method = Method,
        };

        public RawRequest Build(ApiOperation op)
        {
            var target = new List<byte>();
            var template = op.Path;
            var position = 0;
            while (position < template.Length)
            {
                var open = template.IndexOf('{', position);
                if (open < 0)
                {
                    target.AddRange(RawRequest.Ascii(template[position..]));
                    break;
                }
                target.AddRange(RawRequest.Ascii(template[position..open]));
                var close = template.IndexOf('}', open);
                var name = template[(open + 1)..close].TrimStart('*');
                target.AddRange(Path.GetValueOrDefault(name) ?? []);
                position = close + 1;
            }
            for (var i = 0; i < Query.Count; i++)
            {
                target.Add(i == 0 ? (byte)'?' : (byte)'&');
                target.AddRange(Query[i].Key);
                target.Add((byte)'=');
                target.AddRange(Query[i].Value);
            }
            return new RawRequest(Method ?? op.Method, [.. target], Headers, Body);
        }
    }

    public IEnumerable<Variant> For(ApiOperation op, string caller, string? bearer)
    {
        var baseline = BaselineParts(op, bearer);
        Variant Make(string kind, Parts parts, string? field, Expect expect, bool essential) =>
            new(op, kind, caller, parts.Build(op), field, expect, essential);

        yield return Make("baseline", baseline, null, Expect.NoServerError, essential: true);

        foreach (var parameter in op.Parameters)
        {
            switch (parameter.In)
            {
                case "path":
                    var constrained = parameter.Schema["pattern"] is not null || OpenApiDocument.FormatOf(parameter.Schema) is not null;
                    foreach (var value in UrlValues(parameter.Schema))
                    {
                        var parts = baseline.Clone();
                        parts.Path[parameter.Name] = value.Raw;
                        var expect = value.ForText switch
                        {
                            // A route constraint ({id:guid}) may simply not match: then it is a 404, never the endpoint.
                            Expect.RefusedField or Expect.RefusedFieldOrKestrel when constrained => Expect.KestrelMayRefuse,
                            var e => e,
                        };
                        yield return Make("path " + value.Name, parts, parameter.Name, expect, value.Essential);
                    }
                    break;
                case "query":
                    foreach (var value in UrlValues(parameter.Schema))
                    {
                        var parts = baseline.Clone();
                        var key = RawRequest.Ascii(Uri.EscapeDataString(parameter.Name));
                        parts.Query.RemoveAll(q => q.Key.AsSpan().SequenceEqual(key));
                        parts.Query.Add((key, value.Raw));
                        yield return Make("query " + value.Name, parts, parameter.Name, value.ForText, value.Essential);
                    }
                    if (parameter.Required)
                    {
                        var missing = baseline.Clone();
                        missing.Query.RemoveAll(q => Encoding.ASCII.GetString(q.Key) == Uri.EscapeDataString(parameter.Name));
                        yield return Make("query missing", missing, parameter.Name, Expect.RefusedField, true);
                    }
                    break;
                case "header":
                    foreach (var (name, value, expect, essential) in HeaderValues(bounded: true))
                    {
                        var parts = baseline.Clone();
                        parts.Headers.RemoveAll(h => h.Name.Equals(parameter.Name, StringComparison.OrdinalIgnoreCase));
                        parts.Headers.Add((parameter.Name, value));
                        yield return Make("header " + name, parts, parameter.Name, expect, essential);
                    }
                    break;
            }
        }

        foreach (var variant in RequestWideVariants(op, baseline))
        {
            yield return Make(variant.Kind, variant.Parts, variant.Field, variant.Expect, variant.Essential);
        }

        if (op.Body is not null)
        {
            foreach (var variant in BodyVariants(op.Body, baseline))
            {
                yield return Make(variant.Kind, variant.Parts, variant.Field, variant.Expect, variant.Essential);
            }
        }
    }

    private Parts BaselineParts(ApiOperation op, string? bearer)
    {
        var headers = new List<(string, byte[])>();
        if (bearer is not null)
        {
            headers.Add(("Authorization", RawRequest.Ascii("Bearer " + bearer)));
        }
        var query = new List<(byte[], byte[])>();
        var path = new Dictionary<string, byte[]>();
        foreach (var parameter in op.Parameters)
        {
            switch (parameter.In)
            {
                case "path":
                    path[parameter.Name] = RawRequest.Ascii(Uri.EscapeDataString(baselines.PathValue(op, parameter)));
                    break;
                case "query":
                    query.Add((RawRequest.Ascii(Uri.EscapeDataString(parameter.Name)), RawRequest.Ascii(Uri.EscapeDataString(baselines.QueryValue(parameter)))));
                    break;
                case "header":
                    headers.Add((parameter.Name, RawRequest.Ascii(Guid.NewGuid().ToString())));
                    break;
            }
        }
        byte[]? body = null;
        if (op.Body is not null)
        {
            headers.Add(("Content-Type", RawRequest.Ascii("application/json")));
            body = JsonSerializer.SerializeToUtf8Bytes(baselines.Body(op.Body));
        }
        return new Parts { Path = path, Query = query, Headers = headers, Body = body };
    }

    private static IEnumerable<UrlValue> UrlValues(JsonObject schema)
    {
        var type = OpenApiDocument.TypeOf(schema);
        var typed = type is "integer" or "number" || OpenApiDocument.FormatOf(schema) is "uuid" or "date-time" or "date";
        // Text nobody may send: refused by the boundary, naming the field.
        yield return new UrlValue("NUL", "a%00b", Expect.RefusedFieldOrKestrel, true);
        yield return new UrlValue("control U+0001", "a%01b", Expect.RefusedField, true);
        yield return new UrlValue("DEL", "a%7Fb", Expect.RefusedField);
        yield return new UrlValue("C1 NEL", "a%C2%85b", Expect.RefusedField);
        yield return new UrlValue("tab", "a%09b", Expect.RefusedField);
        yield return new UrlValue("line feed", "a%0Ab", Expect.RefusedField);
        yield return new UrlValue("invalid UTF-8", "a%FFb", Expect.RefusedField, true);
        yield return new UrlValue("overlong UTF-8", "%C0%80", Expect.RefusedField);
        yield return new UrlValue("encoded surrogate", "%ED%A0%80", Expect.RefusedField, true);
        yield return new UrlValue("bad percent", "a%zzb", Expect.RefusedField);
        yield return new UrlValue("lone percent", "a%", Expect.RefusedField);
        yield return new UrlValue("5000 characters", new string('a', 5000), Expect.RefusedField);
        yield return new UrlValue("raw control byte", "a\u0001b", Expect.RefusedFieldOrKestrel);
        yield return new UrlValue("raw non-ASCII byte", [(byte)'a', 0xFF, (byte)'b'], Expect.KestrelMayRefuse);
        // Odd but legal text: any answer but a 5xx.
        yield return new UrlValue("300 characters", new string('a', 300), Expect.NoServerError);
        yield return new UrlValue("empty", "", Expect.NoServerError);
        yield return new UrlValue("space", "%20", Expect.NoServerError);
        yield return new UrlValue("plus", "a+b", Expect.NoServerError);
        yield return new UrlValue("emoji", "%F0%9F%98%80", Expect.NoServerError);
        yield return new UrlValue("quote", "'%20OR%20'1'='1", Expect.NoServerError);
        yield return new UrlValue("markup", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", Expect.NoServerError);
        yield return new UrlValue("dot dot", "..", Expect.NoServerError);
        yield return new UrlValue("encoded slash", "a%2Fb", Expect.NoServerError);
        yield return new UrlValue("LIKE wildcards", "%25_%5C", Expect.NoServerError);
        yield return new UrlValue("right-to-left override", "%E2%80%AEevil", Expect.NoServerError);
        // Wrong types and boundaries: typed parameters must refuse, naming themselves.
        var wrong = typed ? Expect.RefusedField : Expect.NoServerError;
        yield return new UrlValue("not a number", "abc", wrong, typed);
        // .NET reads "1.5" as a date (5 January), so only integers must refuse it.
        yield return new UrlValue("fraction", "1.5", type == "integer" ? Expect.RefusedField : Expect.NoServerError);
        yield return new UrlValue("20 digits", "99999999999999999999", wrong);
        yield return new UrlValue("1e309", "1e309", wrong);
        yield return new UrlValue("minus one", "-1", Expect.NoServerError);
        yield return new UrlValue("zero", "0", Expect.NoServerError);
        yield return new UrlValue("int max + 1", "2147483648", Expect.NoServerError);
        yield return new UrlValue("empty guid", "00000000-0000-0000-0000-000000000000", Expect.NoServerError);
        yield return new UrlValue("month 13", "2026-13-45", Expect.NoServerError);
        yield return new UrlValue("year 9999", "9999-12-31T23:59:59%2B14:00", Expect.NoServerError);
        yield return new UrlValue("year 1", "0001-01-01", Expect.NoServerError);
    }

    private static IEnumerable<(string Name, byte[] Value, Expect Expect, bool Essential)> HeaderValues(bool bounded)
    {
        yield return ("control U+0001", [(byte)'a', 0x01, (byte)'b'], Expect.RefusedField, true);
        yield return ("DEL", [(byte)'a', 0x7F, (byte)'b'], Expect.RefusedField, false);
        yield return ("escape", [(byte)'a', 0x1B, (byte)'b'], Expect.RefusedField, false);
        yield return ("non-ASCII byte", [(byte)'a', 0xFF, (byte)'b'], Expect.KestrelMayRefuse, false);
        yield return ("UTF-8 text", [(byte)'c', (byte)'a', (byte)'f', 0xC3, 0xA9], Expect.KestrelMayRefuse, false);
        yield return ("empty", [], Expect.NoServerError, false);
        yield return ("tab inside", [(byte)'a', 0x09, (byte)'b'], Expect.NoServerError, false);
        yield return ("percent NUL literal", RawRequest.Ascii("a%00b"), Expect.NoServerError, false);
        yield return ("300 characters", RawRequest.Ascii(new string('k', 300)), bounded ? Expect.RefusedField : Expect.NoServerError, bounded);
        yield return ("8000 characters", RawRequest.Ascii(new string('k', 8000)), bounded ? Expect.RefusedField : Expect.NoServerError, false);
    }

    private sealed record PartsVariant(string Kind, Parts Parts, string? Field, Expect Expect, bool Essential);

    private static IEnumerable<PartsVariant> RequestWideVariants(ApiOperation op, Parts baseline)
    {
        PartsVariant WithHeader(string kind, string name, byte[] value, string? field, Expect expect, bool essential = false)
        {
            var parts = baseline.Clone();
            parts.Headers.RemoveAll(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            parts.Headers.Add((name, value));
            return new PartsVariant(kind, parts, field, expect, essential);
        }

        yield return WithHeader("bearer garbage", "Authorization", RawRequest.Ascii("Bearer not.a.token"), null, Expect.NoServerError);
        yield return WithHeader("bearer 8000 characters", "Authorization", RawRequest.Ascii("Bearer " + new string('a', 8000)), null, Expect.NoServerError);
        yield return WithHeader("basic credentials", "Authorization", RawRequest.Ascii("Basic c3dlZXA6c3dlZXA="), null, Expect.NoServerError);
        yield return WithHeader("bearer with control", "Authorization", [.. RawRequest.Ascii("Bearer a"), 0x01, (byte)'b'], "Authorization", Expect.RefusedField, true);
        yield return WithHeader("If-None-Match garbage", "If-None-Match", RawRequest.Ascii("garbage, \"x"), null, Expect.NoServerError);
        yield return WithHeader("If-None-Match star", "If-None-Match", RawRequest.Ascii("*"), null, Expect.NoServerError);
        yield return WithHeader("X-Forwarded-For garbage", "X-Forwarded-For", RawRequest.Ascii("not-an-ip, 999.1.1.1"), null, Expect.NoServerError);
        yield return WithHeader("Accept xml", "Accept", RawRequest.Ascii("application/xml"), null, Expect.NoServerError);
        yield return WithHeader("unknown header with control", "X-Sweep", [(byte)'a', 0x02], "X-Sweep", Expect.RefusedField);

        var extra = baseline.Clone();
        extra.Query.Add((RawRequest.Ascii("zz"), RawRequest.Ascii("a%00b")));
        yield return new PartsVariant("unknown query with NUL", extra, "zz", Expect.RefusedField, true);
        var badKey = baseline.Clone();
        badKey.Query.Add((RawRequest.Ascii("%FF"), RawRequest.Ascii("1")));
        yield return new PartsVariant("query name invalid UTF-8", badKey, "query", Expect.RefusedField, false);
        var repeated = baseline.Clone();
        repeated.Query.AddRange(repeated.Query.ToList());
        yield return new PartsVariant("every query parameter twice", repeated, null, Expect.NoServerError, false);

        if (op.Method is "GET")
        {
            var head = baseline.Clone();
            head.Method = "HEAD";
            yield return new PartsVariant("HEAD", head, null, Expect.NoServerError, true);
        }
    }

    private IEnumerable<PartsVariant> BodyVariants(JsonObject schema, Parts baseline)
    {
        PartsVariant WholeBody(string kind, byte[]? body, Expect expect = Expect.NoServerError, string? contentType = "application/json", bool essential = false)
        {
            var parts = baseline.Clone();
            parts.Body = body;
            parts.Headers.RemoveAll(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase));
            if (contentType is not null)
            {
                parts.Headers.Add(("Content-Type", RawRequest.Ascii(contentType)));
            }
            return new PartsVariant(kind, parts, null, expect, essential);
        }

        var json = baseline.Body!;
        yield return WholeBody("body empty", [], essential: true);
        yield return WholeBody("body null", "null"u8.ToArray(), essential: true);
        yield return WholeBody("body array", "[]"u8.ToArray());
        yield return WholeBody("body empty object", "{}"u8.ToArray(), essential: true);
        yield return WholeBody("body string", "\"text\""u8.ToArray());
        yield return WholeBody("body not JSON", "not json"u8.ToArray());
        yield return WholeBody("body truncated", json[..(json.Length / 2)]);
        yield return WholeBody("body trailing garbage", [.. json, .. " x"u8]);
        yield return WholeBody("body 5000 nested arrays", Encoding.ASCII.GetBytes(new string('[', 5000) + new string(']', 5000)), essential: true);
        yield return WholeBody("body 100 nested objects", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100)));
        yield return WholeBody("body with BOM", [0xEF, 0xBB, 0xBF, .. json]);
        yield return WholeBody("body invalid UTF-8", [.. "{\"a\":\"x"u8, 0xFF, .. "\"}"u8]);
        yield return WholeBody("body 2 MB unknown property", Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', 2_000_000) + "\"}"));
        yield return WholeBody("body as text/plain", json, contentType: "text/plain");
        yield return WholeBody("body without content type", json, contentType: null);
        yield return WholeBody("body as UTF-16 charset", json, contentType: "application/json; charset=utf-16");

        foreach (var (path, fieldSchema) in Fields(document.Resolve(schema), [], 0))
        {
            var field = FieldName(path);
            var type = OpenApiDocument.TypeOf(fieldSchema);
            var isEnum = fieldSchema["enum"] is not null;
            var format = OpenApiDocument.FormatOf(fieldSchema);
            yield return new PartsVariant("body field missing", WithField(baseline, path, null), field, Expect.NoServerError, true);
            foreach (var fragment in Fragments(type, format, isEnum))
            {
                yield return new PartsVariant("body " + fragment.Name, WithField(baseline, path, fragment.Raw), field, fragment.Expect, fragment.Essential);
            }
        }
    }

    /// <summary>Every field down to a few levels, arrays by their first element ("items[0].sku").</summary>
    private IEnumerable<(List<object> Path, JsonObject Schema)> Fields(JsonObject schema, List<object> path, int depth)
    {
        if (depth > 3)
        {
            yield break;
        }
        foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
        {
            var resolved = document.Resolve(property!.AsObject());
            List<object> here = [.. path, name];
            yield return (here, resolved);
            switch (OpenApiDocument.TypeOf(resolved))
            {
                case "object":
                    foreach (var inner in Fields(resolved, here, depth + 1))
                    {
                        yield return inner;
                    }
                    break;
                case "array" when resolved["items"] is JsonObject items:
                    var item = document.Resolve(items);
                    List<object> first = [.. here, 0];
                    yield return (first, item);
                    if (OpenApiDocument.TypeOf(item) == "object")
                    {
                        foreach (var inner in Fields(item, first, depth + 1))
                        {
                            yield return inner;
                        }
                    }
                    break;
            }
        }
    }

    private static string FieldName(List<object> path)
    {
        var name = new StringBuilder();
        foreach (var segment in path)
        {
            if (segment is int index)
            {
                name.Append('[').Append(index).Append(']');
            }
            else
            {
                name.Append(name.Length == 0 ? "" : ".").Append(segment);
            }
        }
        return name.ToString();
    }

    /// <summary>The baseline body with one field replaced by <paramref name="raw"/> JSON, or removed when null.</summary>
    private static Parts WithField(Parts baseline, List<object> path, byte[]? raw)
    {
        var root = JsonNode.Parse(baseline.Body!)!;
        var parent = root;
        foreach (var segment in path.SkipLast(1))
        {
            parent = segment is int i ? parent.AsArray()[i]! : parent.AsObject()[(string)segment]!;
        }
        var last = path[^1];
        if (raw is null)
        {
            if (last is string property)
            {
                parent.AsObject().Remove(property);
            }
            else
            {
                parent.AsArray().RemoveAt((int)last);
            }
        }
        else if (last is string property)
        {
            parent.AsObject()[property] = Marker;
        }
        else
        {
            parent.AsArray()[(int)last] = Marker;
        }
        var bytes = JsonSerializer.SerializeToUtf8Bytes(root);
        if (raw is not null)
        {
            var marker = Encoding.UTF8.GetBytes("\"" + Marker + "\"");
            var at = bytes.AsSpan().IndexOf(marker);
            bytes = [.. bytes.AsSpan(0, at), .. raw, .. bytes.AsSpan(at + marker.Length)];
        }
        var parts = baseline.Clone();
        parts.Body = bytes;
        return parts;
    }

    private static IEnumerable<JsonFragment> Fragments(string type, string? format, bool isEnum)
    {
        yield return new JsonFragment("null", "null", Expect.NoServerError, true);
        // Wrong JSON types are refused by the deserializer at the field's path (enums also take numbers).
        var mismatch = isEnum ? Expect.NoServerError : Expect.RefusedField;
        switch (type)
        {
            case "string":
                yield return new JsonFragment("number for text", "12345", mismatch, true);
                yield return new JsonFragment("boolean for text", "true", mismatch);
                yield return new JsonFragment("object for text", "{\"a\":1}", Expect.RefusedField);
                yield return new JsonFragment("array for text", "[\"a\"]", Expect.RefusedField);
                foreach (var text in TextFragments(format))
                {
                    yield return text;
                }
                break;
            case "integer" or "number":
                yield return new JsonFragment("text for number", "\"abc\"", Expect.RefusedField, true);
                yield return new JsonFragment("boolean for number", "true", Expect.RefusedField);
                yield return new JsonFragment("object for number", "{}", Expect.RefusedField);
                yield return new JsonFragment("array for number", "[1]", Expect.RefusedField);
                yield return new JsonFragment("1e309", "1e309", Expect.RefusedField);
                yield return new JsonFragment("2^63", "9223372036854775808", Expect.RefusedField);
                yield return new JsonFragment("fraction", "1.5", type == "integer" ? Expect.RefusedField : Expect.NoServerError);
                yield return new JsonFragment("minus one", "-1", Expect.NoServerError);
                yield return new JsonFragment("zero", "0", Expect.NoServerError);
                yield return new JsonFragment("int max", "2147483647", Expect.NoServerError);
                yield return new JsonFragment("int max + 1", "2147483648", Expect.NoServerError);
                yield return new JsonFragment("int min", "-2147483648", Expect.NoServerError);
                yield return new JsonFragment("long max", "9223372036854775807", Expect.NoServerError);
                yield return new JsonFragment("number as text", "\"12\"", Expect.NoServerError);
                yield return new JsonFragment("NUL in number text", "\"1\\u0000\"", Expect.RefusedField);
                break;
            case "boolean":
                yield return new JsonFragment("text for boolean", "\"yes\"", Expect.RefusedField, true);
                yield return new JsonFragment("number for boolean", "1", Expect.RefusedField);
                break;
            case "object":
                yield return new JsonFragment("text for object", "\"x\"", Expect.RefusedField, true);
                yield return new JsonFragment("number for object", "42", Expect.RefusedField);
                yield return new JsonFragment("array for object", "[]", Expect.RefusedField);
                yield return new JsonFragment("empty object", "{}", Expect.NoServerError);
                yield return new JsonFragment("200 nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200), Expect.NoServerError);
                break;
            case "array":
                yield return new JsonFragment("text for array", "\"x\"", Expect.RefusedField, true);
                yield return new JsonFragment("object for array", "{}", Expect.RefusedField);
                yield return new JsonFragment("empty array", "[]", Expect.NoServerError);
                yield return new JsonFragment("array of nulls", "[null,null]", Expect.NoServerError);
                yield return new JsonFragment("10000 elements", "[" + string.Join(',', Enumerable.Repeat("\"x\"", 10_000)) + "]", Expect.NoServerError);
                yield return new JsonFragment("nested arrays", new string('[', 300) + new string(']', 300), Expect.NoServerError);
                break;
        }
    }

    private static IEnumerable<JsonFragment> TextFragments(string? format)
    {
        yield return new JsonFragment("NUL", "\"a\\u0000b\"", Expect.RefusedField, true);
        yield return new JsonFragment("control U+0001", "\"a\\u0001b\"", Expect.RefusedField);
        yield return new JsonFragment("DEL", "\"a\\u007fb\"", Expect.RefusedField);
        yield return new JsonFragment("C1 NEL", "\"a\\u0085b\"", Expect.RefusedField);
        yield return new JsonFragment("lone high surrogate", "\"\\ud800\"", Expect.RefusedField, true);
        yield return new JsonFragment("lone low surrogate", "\"a\\udc00b\"", Expect.RefusedField);
        yield return new JsonFragment("reversed surrogates", "\"\\udc00\\ud800\"", Expect.RefusedField);
        yield return new JsonFragment("invalid UTF-8 byte", [(byte)'"', (byte)'a', 0xFF, (byte)'b', (byte)'"'], Expect.RefusedField, true);
        yield return new JsonFragment("overlong UTF-8 NUL", [(byte)'"', 0xC0, 0x80, (byte)'"'], Expect.RefusedField);
        yield return new JsonFragment("100001 characters", "\"" + new string('x', 100_001) + "\"", Expect.RefusedField, true);
        yield return new JsonFragment("empty", "\"\"", Expect.NoServerError);
        yield return new JsonFragment("blank", "\"   \"", Expect.NoServerError);
        yield return new JsonFragment("5000 characters", "\"" + new string('x', 5000) + "\"", Expect.NoServerError);
        yield return new JsonFragment("emoji", "\"\\ud83d\\ude00 ok\"", Expect.NoServerError);
        yield return new JsonFragment("markup", "\"<script>alert(1)</script>\"", Expect.NoServerError);
        yield return new JsonFragment("quote", "\"' OR '1'='1' --\"", Expect.NoServerError);
        yield return new JsonFragment("right-to-left override", "\"\\u202eevil\"", Expect.NoServerError);
        yield return new JsonFragment("line breaks", "\"line one\\r\\nline two\\tend\"", Expect.NoServerError);
        yield return new JsonFragment("not a guid", "\"not-a-guid\"", Expect.NoServerError);
        yield return new JsonFragment("empty guid", "\"00000000-0000-0000-0000-000000000000\"", Expect.NoServerError);
        if (format is "date-time" or "date" || format is null)
        {
            yield return new JsonFragment("month 13", "\"2026-13-45T00:00:00Z\"", Expect.NoServerError);
            yield return new JsonFragment("year 1", "\"0001-01-01T00:00:00Z\"", Expect.NoServerError);
            yield return new JsonFragment("year 9999", "\"9999-12-31T23:59:59+14:00\"", Expect.NoServerError);
            yield return new JsonFragment("in the spring-forward gap", "\"2027-03-28T01:30:00\"", Expect.NoServerError);
            yield return new JsonFragment("twice in autumn", "\"2026-10-25T01:30:00+01:00\"", Expect.NoServerError);
        }
    }
}
