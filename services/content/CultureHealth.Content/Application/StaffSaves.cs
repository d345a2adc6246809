using CultureHealth.Messaging.Data;
using Microsoft.EntityFrameworkCore;

namespace CultureHealth.Content.Application;

/// <summary>Turns the database's refusals (a slug taken meanwhile, a concurrent edit) into 409 problems.</summary>
internal static class StaffSaves
{
    public static async Task SaveAsync(DbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ContentProblems.EditConflict();
        }
        catch (DbUpdateException e) when (PostgresErrors.IsUniqueViolation(e))
        {
            throw ContentProblems.SlugTakenMeanwhile();
        }
    }
}
