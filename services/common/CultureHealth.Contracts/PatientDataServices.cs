namespace CultureHealth.Contracts;

/// <summary>
/// The services that hold a patient's personal data and report <see cref="PatientDataErased"/> for an erasure request;
/// the patients service waits for all of them before it tells the patient the outcome.
/// </summary>
public static class PatientDataServices
{
    public const string Content = "content";
    public const string Shop = "shop";
    public const string Booking = "booking";
    public const string Notifications = "notifications";

    public static readonly IReadOnlyList<string> All = [Content, Shop, Booking, Notifications];
}
