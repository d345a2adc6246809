using System.Security.Cryptography;
using System.Text;
using CultureHealth.Patients.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Patients.Application;

/// <summary>
/// Fixed-window counters in PostgreSQL, shared by every replica. One upsert both counts and reads, so
/// parallel requests cannot all slip under a limit (no read-modify-write in C#).
/// </summary>
public sealed class RequestLimits(PatientsDbContext db, IOptions<PatientsOptions> options)
{
    public static string EmailBucket(string normalizedEmail) => "email:" + Digest(normalizedEmail);

    public static string ClientBucket(string clientAddress) => "client:" + Digest(clientAddress);

    /// <summary>Counts one request in the caller's transaction; null while within <paramref name="limit"/>, else how long until the window ends.</summary>
    public async Task<TimeSpan?> CountAsync(string bucket, int limit, DateTimeOffset now, CancellationToken ct)
    {
        var window = options.Value.RequestWindow;
        var windowStart = new DateTimeOffset(now.UtcTicks - now.UtcTicks % window.Ticks, TimeSpan.Zero);
        var counted = await db.Database.SqlQuery<int>($"""
            INSERT INTO request_counters (bucket, window_start, count) VALUES ({bucket}, {windowStart}, 1)
            ON CONFLICT (bucket, window_start) DO UPDATE SET count = request_counters.count + 1
            RETURNING count AS "Value"
            """).ToListAsync(ct);
        return counted[0] > limit ? windowStart + window - now : null;
    }

    private static string Digest(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
