namespace CultureHealth.BackOffice.Web;

/// <summary>
/// Confirmations shown after a change (post, redirect, get: the redirect carries <c>?done=code</c>). Only these
/// fixed texts can appear, so a link cannot make the page say anything else.
/// </summary>
public static class Notices
{
    private static readonly Dictionary<string, string> Texts = new(StringComparer.Ordinal)
    {
        ["signed-out"] = "You are signed out.",
        ["signed-out-everywhere"] = "You are signed out on every computer and device.",
        ["ended"] = "Your session ended (it was idle for a while, or you were signed out elsewhere). Sign in again to carry on.",
        ["password-changed"] = "Your password is changed. Every other computer signed in as you has been signed out.",
        ["booked"] = "Booked. The patient's confirmation email is on its way.",
        ["moved"] = "The appointment is moved. The patient is told by email.",
        ["cancelled"] = "The appointment is cancelled. The patient is told by email.",
        ["no-show"] = "Marked as a no-show.",
        ["attended"] = "Marked as attended.",
        ["time-off-added"] = "Time off added.",
        ["time-off-removed"] = "Time off removed.",
        ["hours-changed"] = "Working hours for that day are changed.",
        ["hours-reset"] = "That day is back to the usual weekly hours.",
        ["closure-added"] = "Clinic closure added: nobody can be booked that day.",
        ["closure-removed"] = "Clinic closure removed.",
        ["room-closed"] = "Room closed for that day. Its bookings, if any, moved to another free room at the same time.",
        ["room-reopened"] = "The room is open again that day.",
        ["room-added"] = "Room added. Appointments of its kind can be booked into it now.",
        ["room-renamed"] = "Room renamed. Its bookings keep the room under its new name.",
        ["comments-approved"] = "Approved: the comments are on the site.",
        ["comments-spam"] = "Marked as spam: the comments are off the site.",
        ["comments-trash"] = "Moved to the trash: the comments are off the site.",
        ["article-created"] = "Article saved as a draft. It is not on the site until you publish or schedule it.",
        ["article-saved"] = "Saved.",
        ["article-published"] = "Published: the article is on the site now.",
        ["article-scheduled"] = "Scheduled: the article appears on the site at the time shown.",
        ["article-draft"] = "Back to draft: the article is off the site.",
        ["article-archived"] = "Archived: the article is off the site.",
        ["order-shipped"] = "Marked as shipped. The customer is emailed the tracking reference.",
        ["order-refunded"] = "Refunded to the customer's card. The customer is emailed.",
        ["staff-created"] = "Account created. They can sign in with the password you gave them.",
        ["staff-saved"] = "Saved. New roles take effect within a few minutes (at once when they next sign in).",
        ["staff-disabled"] = "Account disabled: they are signed out everywhere and cannot sign in.",
        ["staff-enabled"] = "Account enabled: they can sign in again.",
        ["staff-password"] = "New password set. They are signed out everywhere.",
        ["product-created"] = "Product created.",
        ["product-saved"] = "Product saved. The shop shows the change at once.",
        ["product-deactivated"] = "Product deactivated: it is off the shop. Past orders keep it.",
        ["stock-adjusted"] = "Stock adjusted; the reason is kept with it.",
        ["coupon-created"] = "Coupon created. Customers can use it at checkout now.",
        ["coupon-deactivated"] = "Coupon deactivated: it no longer works at checkout.",
        ["reply-published"] = "Your reply is on the site under the comment, as the clinic.",
        ["comments-pending"] = "Back in the queue: the comments are off the site until approved.",
    };

    public static string? Text(string? code) => code is not null && Texts.TryGetValue(code, out var text) ? text : null;
}
