namespace CultureHealth.Patients.Domain;

/// <summary>
/// Where the emailed link leads back to on the site. Only a path on the site itself is accepted, so the
/// link can never be turned into a redirect to somebody else's page (an open redirect in a trusted email).
/// </summary>
public static class ReturnPath
{
    public const int MaxLength = 500;

    public static bool IsSafe(string? path) =>
        path is { Length: > 0 and <= MaxLength }
        && path[0] == '/'
        // "//host" and "/\host" are read by browsers as another origin.
        && (path.Length == 1 || (path[1] != '/' && path[1] != '\\'))
        && !path.Any(c => char.IsControl(c) || c == '\\' || char.IsWhiteSpace(c));
}
