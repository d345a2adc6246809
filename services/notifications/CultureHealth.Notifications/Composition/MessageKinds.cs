namespace CultureHealth.Notifications.Composition;

/// <summary>The kind recorded with every sent message; also the name of its templates.</summary>
public static class MessageKinds
{
    public const string BookingConfirmed = "booking-confirmed";
    public const string BookingRescheduled = "booking-rescheduled";
    public const string BookingCancelled = "booking-cancelled";
    public const string BookingReminder = "booking-reminder";
    public const string OrderPaid = "order-paid";
    public const string OrderShipped = "order-shipped";
    public const string OrderRefunded = "order-refunded";
    public const string GiftVouchers = "gift-vouchers";
    public const string CommentReply = "comment-reply";
    public const string CommenterConfirm = "commenter-confirm";
    public const string ModerationDigest = "moderation-digest";
    public const string StockLow = "stock-low";
    public const string EmailProof = "email-proof";
    public const string BookingConfirmationRequest = "booking-confirmation-request";
    public const string WaitlistOffer = "waitlist-offer";
    public const string ErasureCompleted = "erasure-completed";

    /// <summary>News and offers from the clinic: the one marketing kind so far (no sender writes it yet).</summary>
    public const string Newsletter = "newsletter";

    /// <summary>
    /// Kinds that are marketing under PECR/UK GDPR: sent only to an address whose owner consented (see
    /// <see cref="Email.Mailer"/>). Every other kind is a service email (a booking, an order, a code) and always goes.
    /// </summary>
    public static bool IsMarketing(string kind) => kind is Newsletter;
}
