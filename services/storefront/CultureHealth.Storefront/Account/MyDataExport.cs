using System.Text.Json;
using CultureHealth.Storefront.Api;

namespace CultureHealth.Storefront.Account;

/// <summary>What collecting a patient's data came to: the file, or why there is none.</summary>
public sealed record MyDataOutcome(byte[]? File, bool SignInAgain, IReadOnlyList<string> Unavailable);

/// <summary>
/// The patient's data as one JSON document (UK GDPR right of access, article 15): every service's own answer for the
/// address the patient token proves, collected side by side. All or nothing: if one service cannot answer, there is no
/// file, because a partial export would read as "this is everything".
/// </summary>
public sealed class MyDataExport(PatientDataApi api, TimeProvider clock)
{
    public const string FileName = "culturehealth-my-data.json";

    /// <summary>Why notifications' part is not in the file, said in the file itself.</summary>
    public const string NotificationsNote =
        "The email service keeps, for each email we sent you, its kind, subject and time (never its body). It is not reachable from the internet, "
        + "so it is not in this file; those emails are in your mailbox, and the clinic sends this list on request. Erasure removes your address from it.";

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerOptions.Web) { WriteIndented = true };

    public async Task<MyDataOutcome> CollectAsync(string patientToken, CancellationToken ct)
    {
        var replies = await Task.WhenAll(PatientDataApi.ExportedServices.Select(s => api.ServiceDataAsync(s, patientToken, ct)));
        if (replies.Any(r => r.Kind == ReplyKind.Refused))
        {
            return new MyDataOutcome(null, SignInAgain: true, []);
        }
        var unavailable = PatientDataApi.ExportedServices.Where((_, i) => !replies[i].IsDone).ToList();
        if (unavailable.Count > 0)
        {
            return new MyDataOutcome(null, SignInAgain: false, unavailable);
        }

        var services = PatientDataApi.ExportedServices.Select((s, i) => (s, replies[i].Value)).ToDictionary(x => x.s, x => x.Value);
        var document = new
        {
            exportedAt = clock.GetUtcNow(),
            email = services["patients"].TryGetProperty("email", out var email) ? email.GetString() : null,
            services,
            notIncluded = new[] { new { service = "notifications", reason = NotificationsNote } },
        };
        return new MyDataOutcome(JsonSerializer.SerializeToUtf8Bytes(document, Indented), SignInAgain: false, []);
    }
}
