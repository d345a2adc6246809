namespace CultureHealth.Admin.Domain;

/// <summary>
/// Which back-office reads return patients' or customers' personal data (names, emails, addresses, bookings):
/// each such read is written to the audit log with the staff member who made it. Matched on the first segment
/// of the forwarded path, so new routes under these collections are covered without a change here.
/// </summary>
public static class PatientDataReads
{
    private static readonly Dictionary<string, HashSet<string>> Collections = new(StringComparer.Ordinal)
    {
        ["booking"] = new(StringComparer.OrdinalIgnoreCase) { "bookings", "diary", "credits", "patients", "waitlist" },
        ["shop"] = new(StringComparer.OrdinalIgnoreCase) { "orders", "customers", "vouchers", "gift-vouchers" },
        ["content"] = new(StringComparer.OrdinalIgnoreCase) { "comments" },
    };

    public static bool Covers(string service, string? path)
    {
        var first = (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return first is not null && Collections.TryGetValue(service, out var collections) && collections.Contains(first);
    }
}
