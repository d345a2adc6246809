using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CultureHealth.Notifications.Templates;

/// <summary>
/// Loads a message's templates (embedded "{name}.html" and "{name}.txt") and renders them inside the
/// shared layout, with the clinic's name, address and site from configuration always available.
/// </summary>
public sealed class EmailTemplates(IOptions<NotificationsOptions> options)
{
    private const string BodySlot = "{{>body}}";
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    public (string Html, string Text) Render(string name, TemplateValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var o = options.Value;
        var all = new TemplateValues(values)
        {
            ["clinicName"] = o.ClinicName,
            ["clinicAddress"] = o.ClinicAddress,
            ["clinicPhone"] = o.ClinicPhone ?? "",
            ["siteUrl"] = SiteUrl(o),
        };
        return (Compose(name, "html", all, html: true), Compose(name, "txt", all, html: false));
    }

    public static string SiteUrl(NotificationsOptions options) => (options.PublicSiteUrl ?? "").TrimEnd('/');

    private static string Compose(string name, string extension, TemplateValues values, bool html)
    {
        var body = TemplateRenderer.Render(Load($"{name}.{extension}"), values, html);
        // The body is already rendered (and encoded), so it goes into the layout as is, never re-scanned.
        var layout = Load($"layout.{extension}").Split(BodySlot);
        if (layout.Length != 2)
        {
            throw new InvalidOperationException($"layout.{extension} must contain {BodySlot} exactly once.");
        }
        return TemplateRenderer.Render(layout[0], values, html) + body + TemplateRenderer.Render(layout[1], values, html);
    }

    private static string Load(string file) => Cache.GetOrAdd(file, static f =>
    {
        using var stream = typeof(EmailTemplates).Assembly.GetManifestResourceStream("Templates/" + f)
            ?? throw new InvalidOperationException($"Email template {f} is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });
}
