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
}
