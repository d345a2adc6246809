using System.Text;
using CultureHealth.Shop.Domain;
using Xunit;

namespace CultureHealth.Shop.Tests.Domain;

public class PaymentWebhookSignatureTests
{
    private const string Secret = "whsec_test_secret";
    private const string Body = """{"id":"evt_1","type":"payment_intent.succeeded"}""";

    // HMAC-SHA256("whsec_test_secret", "1700000000." + Body), computed independently.
    private const string KnownSignature = "22d8dc182f5c588077683bd378368e29765bfe5df2560112b4f28fef120f0e31";

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000);

    [Fact]
    public void Signs_like_stripe() =>
        Assert.Equal($"t=1700000000,v1={KnownSignature}", PaymentWebhookSignature.Sign(Secret, SignedAt, Body));

    [Fact]
    public void A_fresh_genuine_delivery_verifies()
    {
        var header = PaymentWebhookSignature.Sign(Secret, SignedAt, Body);

        var result = PaymentWebhookSignature.Verify(Secret, header, Body, SignedAt.AddSeconds(30));

        Assert.True(result.IsValid);
        Assert.Null(result.Failure);
        Assert.Equal(SignedAt, result.SignedAt);
    }

    [Fact]
    public void Raw_bytes_verify_the_same_as_text()
    {
        var header = PaymentWebhookSignature.Sign(Secret, SignedAt, Encoding.UTF8.GetBytes(Body));

        Assert.True(PaymentWebhookSignature.Verify(Secret, header, Encoding.UTF8.GetBytes(Body), SignedAt).IsValid);
    }

    [Theory]
    [InlineData("""{"id":"evt_1","type":"payment_intent.succeeded" }""")]
    [InlineData("""{"id":"evt_2","type":"payment_intent.succeeded"}""")]
    [InlineData("")]
    public void A_tampered_body_is_a_mismatch(string tamperedBody)
    {
        var header = PaymentWebhookSignature.Sign(Secret, SignedAt, Body);

        Assert.Equal(WebhookSignatureFailure.Mismatch, PaymentWebhookSignature.Verify(Secret, header, tamperedBody, SignedAt).Failure);
    }

    [Fact]
    public void Another_secret_is_a_mismatch()
    {
        var header = PaymentWebhookSignature.Sign("whsec_someone_else", SignedAt, Body);

        Assert.Equal(WebhookSignatureFailure.Mismatch, PaymentWebhookSignature.Verify(Secret, header, Body, SignedAt).Failure);
    }

    [Fact]
    public void A_timestamp_changed_after_signing_is_a_mismatch()
    {
        var replayedWithNewTime = $"t={SignedAt.AddMinutes(10).ToUnixTimeSeconds()},v1={KnownSignature}";

        var result = PaymentWebhookSignature.Verify(Secret, replayedWithNewTime, Body, SignedAt.AddMinutes(10));

        Assert.Equal(WebhookSignatureFailure.Mismatch, result.Failure);
    }

    [Fact]
    public void An_old_genuine_delivery_has_expired()
    {
        var header = PaymentWebhookSignature.Sign(Secret, SignedAt, Body);

        var result = PaymentWebhookSignature.Verify(Secret, header, Body, SignedAt.AddMinutes(5).AddSeconds(1));

        Assert.Equal(WebhookSignatureFailure.Expired, result.Failure);
        Assert.Equal(SignedAt, result.SignedAt);
    }

    [Fact]
    public void Exactly_at_the_tolerance_is_still_accepted()
    {
        var header = PaymentWebhookSignature.Sign(Secret, SignedAt, Body);

        Assert.True(PaymentWebhookSignature.Verify(Secret, header, Body, SignedAt.AddMinutes(5)).IsValid);
    }

    [Fact]
    public void A_timestamp_far_in_the_future_is_refused_too()
    {
        var header = PaymentWebhookSignature.Sign(Secret, SignedAt.AddMinutes(6), Body);

        Assert.Equal(WebhookSignatureFailure.Expired, PaymentWebhookSignature.Verify(Secret, header, Body, SignedAt).Failure);
    }

    [Fact]
    public void The_tolerance_is_configurable()
    {
        var header = PaymentWebhookSignature.Sign(Secret, SignedAt, Body);
        var now = SignedAt.AddMinutes(2);

        Assert.Equal(
            WebhookSignatureFailure.Expired,
            PaymentWebhookSignature.Verify(Secret, header, Body, now, TimeSpan.FromMinutes(1)).Failure);
        Assert.True(PaymentWebhookSignature.Verify(Secret, header, Body, now, TimeSpan.FromMinutes(3)).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_header_is_missing(string? header) =>
        Assert.Equal(WebhookSignatureFailure.Missing, PaymentWebhookSignature.Verify(Secret, header, Body, SignedAt).Failure);

    [Theory]
    [InlineData("garbage")]
    [InlineData("t=1700000000")]
    [InlineData("v1=" + KnownSignature)]
    [InlineData("t=abc,v1=" + KnownSignature)]
    [InlineData("t=-1,v1=" + KnownSignature)]
    [InlineData("t=99999999999999999999,v1=" + KnownSignature)]
    [InlineData("t=1700000000,t=1700000000,v1=" + KnownSignature)]
    [InlineData("t=1700000000,v1=" + "zz" + "d8dc182f5c588077683bd378368e29765bfe5df2560112b4f28fef120f0e31")]
    [InlineData("t=1700000000,v1=22d8dc")]
    [InlineData("t=1700000000,=abc,v1=" + KnownSignature)]
    public void Unreadable_headers_are_malformed(string header) =>
        Assert.Equal(WebhookSignatureFailure.Malformed, PaymentWebhookSignature.Verify(Secret, header, Body, SignedAt).Failure);

    [Fact]
    public void Any_matching_v1_is_enough_while_secrets_rotate()
    {
        var header = $"t=1700000000,v1={new string('0', 64)},v0=legacy,v1={KnownSignature}";

        Assert.True(PaymentWebhookSignature.Verify(Secret, header, Body, SignedAt).IsValid);
    }

    [Fact]
    public void Spaces_and_upper_case_hex_are_tolerated()
    {
        var header = $"t=1700000000, v1={KnownSignature.ToUpperInvariant()}";

        Assert.True(PaymentWebhookSignature.Verify(Secret, header, Body, SignedAt).IsValid);
    }

    [Fact]
    public void Every_failure_explains_itself()
    {
        var results = new[]
        {
            PaymentWebhookSignature.Verify(Secret, null, Body, SignedAt),
            PaymentWebhookSignature.Verify(Secret, "garbage", Body, SignedAt),
            PaymentWebhookSignature.Verify(Secret, $"t=1700000000,v1={KnownSignature}", "{}", SignedAt),
            PaymentWebhookSignature.Verify(Secret, $"t=1700000000,v1={KnownSignature}", Body, SignedAt.AddHours(1)),
        };

        Assert.All(results, result => Assert.False(string.IsNullOrWhiteSpace(result.Message)));
        Assert.Equal(4, results.Select(result => result.Failure).Distinct().Count());
    }

    [Fact]
    public void An_empty_secret_is_a_configuration_error() =>
        Assert.Throws<ArgumentException>(() => PaymentWebhookSignature.Verify("", "t=1,v1=00", Body, SignedAt));
}
