namespace CultureHealth.Notifications.Templates;

/// <summary>
/// What a template may insert: strings, flags (for {{#flag}} sections) and lists of nested values
/// (repeated by {{#list}} sections). Keys are case-sensitive; a key a template uses must be present.
/// </summary>
public sealed class TemplateValues : Dictionary<string, object?>
{
    public TemplateValues() : base(StringComparer.Ordinal)
    {
    }

    public TemplateValues(IEnumerable<KeyValuePair<string, object?>> values) : base(values, StringComparer.Ordinal)
    {
    }
}
