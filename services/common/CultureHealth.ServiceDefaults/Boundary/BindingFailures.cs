using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace CultureHealth.ServiceDefaults.Boundary;

/// <summary>
/// Minimal APIs report a route, query or header value they could not bind ("abc" for an int, a malformed
/// Guid, a missing required value) as a <see cref="BadHttpRequestException"/> whose message alone names the
/// parameter: <c>Failed to bind parameter "int page" from "abc".</c> This reads the name back, so the problem
/// names the field like every other 400 does.
/// </summary>
public static partial class BindingFailures
{
    public static string? FieldOf(BadHttpRequestException exception) =>
        ParameterName().Match(exception.Message) is { Success: true } match ? match.Groups["name"].Value : null;

    // "parameter "<type> <name>"": the type may itself hold spaces (Dictionary<string, int>), the name never does.
    [GeneratedRegex("""parameter "(?:[^"]*\s)?(?<name>[^"\s]+)"(?: from| was not provided| but no body)""", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();
}
