using System.Collections;
using System.Text;
using System.Text.RegularExpressions;

namespace CultureHealth.Notifications.Templates;

/// <summary>
/// A deliberately tiny, Mustache-like renderer. <c>{{name}}</c> inserts a value (HTML-encoded in HTML
/// templates); <c>{{#name}}…{{/name}}</c> repeats for each item of a list, or renders once for a
/// non-empty string or true; <c>{{^name}}…{{/name}}</c> renders when the value is empty or false.
/// Inserted values are never scanned again, so text from a patient or commenter cannot inject markup
/// or template syntax.
/// </summary>
public static partial class TemplateRenderer
{
    public static string Render(string template, TemplateValues values, bool html)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        return Token().Replace(template, match =>
        {
            if (match.Groups["section"].Success)
            {
                var name = match.Groups["section"].Value;
                var inner = match.Groups["inner"].Value;
                var value = Lookup(values, name);
                if (match.Groups["kind"].Value == "^")
                {
                    return IsEmpty(value) ? Render(inner, values, html) : "";
                }
                if (value is IEnumerable items and not string)
                {
                    var output = new StringBuilder();
                    foreach (var item in items.Cast<TemplateValues>())
                    {
                        output.Append(Render(inner, Overlay(values, item), html));
                    }
                    return output.ToString();
                }
                return IsEmpty(value) ? "" : Render(inner, values, html);
            }

            var text = Lookup(values, match.Groups["name"].Value) switch
            {
                null => "",
                string s => s,
                var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? "",
            };
            return html ? HtmlEncode(text) : text;
        });
    }

    /// <summary>Encodes the five characters that matter in element content and quoted attributes; leaves £ and accents readable.</summary>
    public static string HtmlEncode(string text)
    {
        var encoded = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            encoded.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }
        return encoded.ToString();
    }

    private static object? Lookup(TemplateValues values, string name) =>
        values.TryGetValue(name, out var value)
            ? value
            : throw new InvalidOperationException($"The template uses '{name}', which was not given.");

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        bool flag => !flag,
        string s => s.Length == 0,
        IEnumerable items => !items.Cast<object>().Any(),
        _ => false,
    };

    private static TemplateValues Overlay(TemplateValues outer, TemplateValues item)
    {
        var merged = new TemplateValues(outer);
        foreach (var (key, value) in item)
        {
            merged[key] = value;
        }
        return merged;
    }

    [GeneratedRegex(@"\{\{(?<kind>[#^])(?<section>\w+)\}\}(?<inner>.*?)\{\{/\k<section>\}\}|\{\{(?<name>\w+)\}\}", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
