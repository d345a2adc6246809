using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CultureHealth.Content.Api;

/// <summary>Turns the database's refusals (a slug taken meanwhile, a concurrent edit) into 409s.</summary>
internal static class StaffSaves
{
    public static async Task<ProblemHttpResult?> TrySaveAsync(DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem("Someone else changed this article at the same time; reload it and try again.",
                statusCode: StatusCodes.Status409Conflict, title: "Edit conflict");
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return TypedResults.Problem("Another article already uses this slug.", statusCode: StatusCodes.Status409Conflict, title: "Slug taken");
        }
    }

    public static string Actor(HttpContext http) =>
        http.User.FindFirst("email")?.Value ?? http.User.Identity?.Name ?? "staff";
}
