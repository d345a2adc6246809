using System.Text.Json;
using System.Text.Json.Serialization;

namespace CultureHealth.ServiceDefaults.Boundary;

/// <summary>
/// Every string read from a JSON body passes <see cref="TextRules"/> (multi-line: tab, CR and LF allowed).
/// A refusal is a <see cref="JsonException"/>, which System.Text.Json stamps with the path of the property
/// ("$.customer.name"), so the problem names the field like any other malformed JSON does.
/// Registered in the HTTP JSON options, so it covers every endpoint's body (and dictionary keys) at once.
/// </summary>
public sealed class BoundaryStringConverter : JsonConverter<string>
{
    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new RefusedJsonValueException($"Expected a string, not {Describe(reader.TokenType)}.");
        }
        return Checked(ref reader);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value);

    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Checked(ref reader);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        writer.WritePropertyName(value);

    private static string Checked(ref Utf8JsonReader reader)
    {
        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            // An escaped lone surrogate ("\ud800") cannot become a .NET string.
            throw new RefusedJsonValueException("Not valid Unicode text: " + e.Message, e);
        }
        if (TextRules.Check(value, TextKind.MultiLine, TextRules.MaxJsonStringLength) is { } problem)
        {
            throw new RefusedJsonValueException(problem);
        }
        return value;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "true or false",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };
}

/// <summary>A JSON value the boundary refused; its message is meant for the client, next to the field's path.</summary>
public sealed class RefusedJsonValueException(string message, Exception? innerException = null) : JsonException(message, innerException);
