namespace CultureHealth.Content.Api;

/// <summary>Who an editor's change is recorded under: the signed-in staff member's email.</summary>
internal static class StaffActor
{
    public static string Of(HttpContext http) =>
        http.User.FindFirst("email")?.Value ?? http.User.Identity?.Name ?? "staff";
}
