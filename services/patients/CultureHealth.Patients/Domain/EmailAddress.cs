namespace CultureHealth.Patients.Domain;

public static class EmailAddress
{
    /// <summary>
    /// The one spelling of an address the service stores and compares: trimmed, lower case. Booking and shop
    /// compare a token's email the same way, so "Pat@Example.com" and "pat@example.com" are one patient.
    /// </summary>
    public static string Normalize(string email)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.Trim().ToLowerInvariant();
    }
}
