using CultureHealth.Contracts;
using CultureHealth.Notifications.Data;
using CultureHealth.Testing;
using MassTransit;
using MimeKit;

namespace CultureHealth.Notifications.Tests;

public sealed class ShopAndCommunityEmailTests : IAsyncLifetime
{
    private const string Staff = "staff@clinic.example";
    private readonly ConsumeCounter _consumed = new();
    private SmtpSink _smtp = null!;
    private TestService<NotificationsDbContext> _service = null!;

    public async Task InitializeAsync()
    {
        _smtp = await SmtpSink.StartedAsync();
        _service = await NotificationsService.StartAsync(_smtp, _consumed);
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private IBus Bus => _service.GetRequiredService<IBus>();

    [Fact]
    public async Task The_receipt_lists_lines_and_shows_the_VAT_part_of_the_total()
    {
        var customer = NotificationsService.NewAddress("buyer");
        await Bus.Publish(new OrderPaid(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), "CH-1042", customer, "Sam Lee",
            TotalPence: 32500, VatPence: 5417,
            [
                new OrderLine("ROLL-1", "Foam roller", 2, 1250, 2500, 417, "product"),
                new OrderLine("PKG-5", "Massage package (5 sessions)", 1, 30000, 30000, 5000, "package", "massage", 5),
            ]));

        var receipt = Assert.Single(await _smtp.WaitForAsync(customer));
        Assert.Equal("Your receipt for order CH-1042", receipt.Subject);
        Assert.Contains("2 x Foam roller @ £12.50 = £25.00", receipt.Text(), StringComparison.Ordinal);
        Assert.Contains("1 x Massage package (5 sessions) @ £300.00 = £300.00", receipt.Text(), StringComparison.Ordinal);
        Assert.Contains("Total paid:          £325.00", receipt.Text(), StringComparison.Ordinal);
        Assert.Contains("of which VAT at 20%: £54.17", receipt.Text(), StringComparison.Ordinal);
        Assert.Contains("Total excluding VAT: £270.83", receipt.Text(), StringComparison.Ordinal);
        Assert.Contains("£54.17", receipt.Html(), StringComparison.Ordinal);
        Assert.Contains("Foam roller", receipt.Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gift_voucher_codes_reach_the_buyer_once_even_when_the_event_is_delivered_twice()
    {
        var buyer = NotificationsService.NewAddress("voucher-buyer");
        var issued = new GiftVouchersIssued(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), "CH-3003", buyer, "Priya <Shah>",
            [new IssuedGiftVoucher(TestSecrets.Events.Seal("7KQ2-MXAB-R9TE-HW4C"), 2500), new IssuedGiftVoucher(TestSecrets.Events.Seal("P3LM-8ZQD-2VNE-KT6A"), 2500)]);
        await Bus.Publish(issued);
        await Bus.Publish(issued);
        await Eventually.TrueAsync(() => _consumed.Completed<GiftVouchersIssued>() >= 2, because: "both deliveries consumed");

        var email = Assert.Single(await _smtp.WaitForAsync(buyer));
        Assert.Equal("Your 2 gift vouchers from order CH-3003", email.Subject);
        Assert.Contains("7KQ2-MXAB-R9TE-HW4C  worth £25.00", email.Text(), StringComparison.Ordinal);
        Assert.Contains("P3LM-8ZQD-2VNE-KT6A  worth £25.00", email.Text(), StringComparison.Ordinal);
        Assert.Contains("Here are the gift vouchers you bought", email.Text(), StringComparison.Ordinal);
        Assert.Contains("<strong>7KQ2-MXAB-R9TE-HW4C</strong>", email.Html(), StringComparison.Ordinal);
        Assert.Contains("Priya &lt;Shah&gt;", email.Html(), StringComparison.Ordinal);
        Assert.Single(_smtp.To(buyer));
    }

    [Fact]
    public async Task Shipping_and_refund_notices_reach_the_customer()
    {
        var customer = NotificationsService.NewAddress("shipped");
        await Bus.Publish(new OrderShipped(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), "CH-2001", customer, "RM123456789GB"));
        await Bus.Publish(new OrderRefunded(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), "CH-2001", customer, 1250, FullRefund: false));

        var emails = await _smtp.WaitForAsync(customer, 2);
        Assert.Contains(emails, m => m.Text().Contains("Tracking reference: RM123456789GB", StringComparison.Ordinal));
        Assert.Contains(emails, m => m.Subject == "Refund of £12.50 for order CH-2001"
            && m.Text().Contains("part of your order CH-2001", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Low_stock_alerts_staff()
    {
        await Bus.Publish(new StockLow(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), "BAND-M", "Resistance band (medium)", 2, 5));

        var alert = await Eventually.GetAsync(() => Task.FromResult(_smtp.To(Staff).FirstOrDefault(m => (m.Subject ?? "").StartsWith("Low stock", StringComparison.Ordinal))),
            m => m is not null, because: "low-stock alert");
        Assert.Contains("Resistance band (medium) (BAND-M) is running low: 2 left", alert!.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pending_comments_reach_staff_in_digests_once_each_with_commenters_text_encoded()
    {
        var articleId = Guid.NewGuid();
        var first = Comment(articleId, "Alex", "alex@example.com", "pending", excerpt: "<script>alert(1)</script> Great tips");
        var second = Comment(articleId, "Bea", "bea@example.com", "pending", excerpt: "Does this help {{clinicName}} runners?");
        var approved = Comment(articleId, "Cal", "cal@example.com", "approved");
        await Bus.Publish(first);
        await Bus.Publish(second);
        await Bus.Publish(approved);

        var digests = await Eventually.GetAsync(() => Task.FromResult(Digests()),
            d => d.Any(m => m.Text().Contains("Alex", StringComparison.Ordinal)) && d.Any(m => m.Text().Contains("Bea", StringComparison.Ordinal)),
            because: "both pending comments listed");
        Assert.Single(digests, m => m.Text().Contains("Alex", StringComparison.Ordinal));
        Assert.Single(digests, m => m.Text().Contains("Bea", StringComparison.Ordinal));
        Assert.DoesNotContain(digests, m => m.Text().Contains("Cal", StringComparison.Ordinal));
        var alex = digests.Single(m => m.Text().Contains("Alex", StringComparison.Ordinal));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; Great tips", alex.Html(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", alex.Html(), StringComparison.Ordinal);
        var bea = digests.Single(m => m.Text().Contains("Bea", StringComparison.Ordinal));
        // A value is inserted once and never expanded again.
        Assert.Contains("Does this help {{clinicName}} runners?", bea.Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approved_reply_notifies_the_parent_author_only_when_they_opted_in()
    {
        var articleId = Guid.NewGuid();
        var keen = NotificationsService.NewAddress("keen");
        var quiet = NotificationsService.NewAddress("quiet");
        var keenParent = Comment(articleId, "Keen Kim", keen, "approved", notifyOnReply: true);
        var quietParent = Comment(articleId, "Quiet Quinn", quiet, "approved", notifyOnReply: false);
        var replyToKeen = Comment(articleId, "Robin", "robin@example.com", "pending", parentId: keenParent.CommentId, excerpt: "Thanks, that worked for me");
        var replyToQuiet = Comment(articleId, "Robin", "robin@example.com", "pending", parentId: quietParent.CommentId);
        foreach (var comment in new[] { keenParent, quietParent, replyToKeen, replyToQuiet })
        {
            await Bus.Publish(comment);
        }
        await Bus.Publish(new CommenterEmailConfirmed(Guid.NewGuid(), DateTimeOffset.UtcNow, keen));
        await Bus.Publish(new CommenterEmailConfirmed(Guid.NewGuid(), DateTimeOffset.UtcNow, quiet));
        await Eventually.TrueAsync(() => Task.FromResult(_consumed.Completed<CommentSubmitted>() >= 4 && _consumed.Completed<CommenterEmailConfirmed>() >= 2),
            because: "comments and confirmed addresses known");

        await Bus.Publish(Approval(replyToKeen));
        await Bus.Publish(Approval(replyToQuiet));
        await Bus.Publish(Approval(replyToKeen)); // approved again later: a new event, but the same reply

        var email = Assert.Single(await _smtp.WaitForAsync(keen));
        await Eventually.TrueAsync(() => Task.FromResult(_consumed.Completed<CommentModerated>() >= 3), because: "approvals consumed");
        Assert.Equal("Dear Keen Kim,", email.Text().Split('\n')[0].TrimEnd('\r'));
        Assert.Contains("Robin replied to your comment on \"Stretching after a run\"", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{NotificationsService.SiteUrl}/articles/stretching-after-a-run#comment-{replyToKeen.CommentId}", email.Html(), StringComparison.Ordinal);
        Assert.Single(_smtp.To(keen));
        Assert.Empty(_smtp.To(quiet));
    }

    [Fact]
    public async Task A_reply_is_not_emailed_to_an_address_its_owner_never_confirmed_and_is_once_they_do()
    {
        var articleId = Guid.NewGuid();
        var victim = NotificationsService.NewAddress("typed-by-someone-else");
        var parent = Comment(articleId, "Impostor", victim, "approved", notifyOnReply: true);
        var firstReply = Comment(articleId, "Robin", "robin@example.com", "pending", parentId: parent.CommentId);
        var secondReply = Comment(articleId, "Robin", "robin@example.com", "pending", parentId: parent.CommentId);
        await Bus.Publish(parent);
        await Bus.Publish(firstReply);
        await Bus.Publish(secondReply);
        await Eventually.TrueAsync(() => Task.FromResult(_consumed.Completed<CommentSubmitted>() >= 3), because: "comments known");

        var before = _consumed.Completed<CommentModerated>();
        await Bus.Publish(Approval(firstReply));
        await Eventually.TrueAsync(() => Task.FromResult(_consumed.Completed<CommentModerated>() > before), because: "approval consumed");
        Assert.Empty(_smtp.To(victim));

        await Bus.Publish(new CommenterEmailConfirmed(Guid.NewGuid(), DateTimeOffset.UtcNow, victim.ToUpperInvariant()));
        await Eventually.TrueAsync(() => Task.FromResult(_consumed.Completed<CommenterEmailConfirmed>() >= 1), because: "confirmation consumed");
        await Bus.Publish(Approval(secondReply));
        var email = Assert.Single(await _smtp.WaitForAsync(victim));
        Assert.Contains($"#comment-{secondReply.CommentId}", email.Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_confirmation_request_emails_the_link_with_the_opened_token_once()
    {
        var commenter = NotificationsService.NewAddress("new-commenter");
        const string token = "tok-Confirm_ABC123";
        var request = new CommenterEmailConfirmationRequested(Guid.NewGuid(), DateTimeOffset.UtcNow, commenter, "Sam <Lee>",
            TestSecrets.Events.Seal(token), DateTimeOffset.UtcNow.AddDays(7));
        await Bus.Publish(request);
        await Bus.Publish(request);
        await Eventually.TrueAsync(() => Task.FromResult(_consumed.Completed<CommenterEmailConfirmationRequested>() >= 2), because: "both copies consumed");

        var email = Assert.Single(await _smtp.WaitForAsync(commenter));
        Assert.Equal("Please confirm your email address", email.Subject);
        Assert.Contains($"{NotificationsService.SiteUrl}/comments/confirm-email?token={token}", email.Text(), StringComparison.Ordinal);
        Assert.Contains($"{NotificationsService.SiteUrl}/comments/confirm-email?token={token}", email.Html(), StringComparison.Ordinal);
        Assert.Contains("Sam &lt;Lee&gt;", email.Html(), StringComparison.Ordinal);
        Assert.Single(_smtp.To(commenter));
    }

    private List<MimeMessage> Digests() =>
        [.. _smtp.To(Staff).Where(m => (m.Subject ?? "").Contains("awaiting moderation", StringComparison.Ordinal))];

    private static CommentSubmitted Comment(Guid articleId, string name, string email, string status,
        Guid? parentId = null, string? excerpt = null, bool notifyOnReply = false) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, Guid.NewGuid(), articleId, "stretching-after-a-run", "Stretching after a run",
            name, email, status, parentId, excerpt, notifyOnReply);

    private static CommentModerated Approval(CommentSubmitted reply) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, reply.CommentId, reply.ArticleId, reply.ArticleSlug, "pending", "approved", "editor@clinic.example", reply.ParentId);
}
