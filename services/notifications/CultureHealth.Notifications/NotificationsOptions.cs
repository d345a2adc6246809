using System.ComponentModel.DataAnnotations;

namespace CultureHealth.Notifications;

public enum EmailDelivery
{
    /// <summary>Send through the SMTP server in <see cref="SmtpOptions"/>.</summary>
    Smtp,

    /// <summary>Write each message as an .eml file into <see cref="NotificationsOptions.PickupDirectory"/> (local runs).</summary>
    Pickup,
}

/// <summary>The "Notifications" configuration section; validated at start-up.</summary>
public sealed class NotificationsOptions : IValidatableObject
{
    public const string Section = "Notifications";

    public EmailDelivery Delivery { get; set; } = EmailDelivery.Smtp;

    /// <summary>Where <see cref="EmailDelivery.Pickup"/> writes .eml files; a relative path is relative to the working directory.</summary>
    public string? PickupDirectory { get; set; }

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "bookings@culturehealth.example";

    [Required, MaxLength(120)]
    public string FromName { get; set; } = "CultureHealth Physiotherapy";

    [Required, MaxLength(120)]
    public string ClinicName { get; set; } = "CultureHealth Physiotherapy";

    [Required, MaxLength(300)]
    public string ClinicAddress { get; set; } = "";

    [MaxLength(40)]
    public string? ClinicPhone { get; set; }

    /// <summary>The storefront's public address; falls back to Site:PublicUrl, which every service shares.</summary>
    [Url]
    public string? PublicSiteUrl { get; set; }

    /// <summary>The patient's manage-booking page under <see cref="PublicSiteUrl"/>; {bookingId} and {token} are filled in.</summary>
    [Required]
    public string ManageBookingPath { get; set; } = "/bookings/{bookingId}?token={token}";

    /// <summary>The site's page that completes an email proof; {email} and {code} are filled in (and returnUrl appended when given).</summary>
    [Required]
    public string VerifyEmailPath { get; set; } = "/account/verify?email={email}&code={code}";

    /// <summary>The site's page that confirms a guest's pending booking; {bookingId} and {token} are filled in.</summary>
    [Required]
    public string ConfirmBookingPath { get; set; } = "/booking/confirm?booking={bookingId}&token={token}";

    /// <summary>The site's page that shows and takes a waitlist offer; {offerId} and {token} are filled in.</summary>
    [Required]
    public string WaitlistOfferPath { get; set; } = "/booking/offer?offer={offerId}&token={token}";

    /// <summary>The storefront page that confirms a commenter's address under <see cref="PublicSiteUrl"/>; {token} is filled in.</summary>
    [Required]
    public string CommenterConfirmPath { get; set; } = "/comments/confirm-email?token={token}";

    /// <summary>Who receives the moderation digest and low-stock alerts.</summary>
    [Required, EmailAddress]
    public string StaffEmail { get; set; } = "staff@culturehealth.example";

    /// <summary>How long before an appointment its reminder goes out.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "14.00:00:00")]
    public TimeSpan ReminderLeadTime { get; set; } = TimeSpan.FromHours(24);

    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>At most one digest of comments awaiting moderation per interval, and only when there are new ones.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "7.00:00:00")]
    public TimeSpan ModerationDigestInterval { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Delivery == EmailDelivery.Pickup && string.IsNullOrWhiteSpace(PickupDirectory))
        {
            yield return new ValidationResult("Notifications:PickupDirectory is required when Notifications:Delivery is Pickup.", [nameof(PickupDirectory)]);
        }
        if (string.IsNullOrWhiteSpace(PublicSiteUrl))
        {
            yield return new ValidationResult("Notifications:PublicSiteUrl (or Site:PublicUrl) is required for the links in emails.", [nameof(PublicSiteUrl)]);
        }
        if (!CommenterConfirmPath.Contains("{token}", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Notifications:CommenterConfirmPath must contain {token}.", [nameof(CommenterConfirmPath)]);
        }
        if (!ManageBookingPath.Contains("{token}", StringComparison.Ordinal) || !ManageBookingPath.Contains("{bookingId}", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Notifications:ManageBookingPath must contain {bookingId} and {token}.", [nameof(ManageBookingPath)]);
        }
        if (!VerifyEmailPath.Contains("{email}", StringComparison.Ordinal) || !VerifyEmailPath.Contains("{code}", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Notifications:VerifyEmailPath must contain {email} and {code}.", [nameof(VerifyEmailPath)]);
        }
        if (!ConfirmBookingPath.Contains("{token}", StringComparison.Ordinal) || !ConfirmBookingPath.Contains("{bookingId}", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Notifications:ConfirmBookingPath must contain {bookingId} and {token}.", [nameof(ConfirmBookingPath)]);
        }
        if (!WaitlistOfferPath.Contains("{token}", StringComparison.Ordinal) || !WaitlistOfferPath.Contains("{offerId}", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Notifications:WaitlistOfferPath must contain {offerId} and {token}.", [nameof(WaitlistOfferPath)]);
        }
    }
}
