using System.Buffers.Text;
using CultureHealth.Booking.Domain;
using Xunit;

namespace CultureHealth.Booking.Tests.Domain;

public class ManageTokenTests
{
    [Fact]
    public void A_token_is_32_random_bytes_in_url_safe_base64_without_padding()
    {
        var token = ManageToken.Generate();

        Assert.Equal(43, token.Value.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", token.Value);
        Assert.Equal(32, Base64Url.DecodeFromChars(token.Value).Length);
    }

    [Fact]
    public void Tokens_do_not_repeat()
    {
        var values = Enumerable.Range(0, 100).Select(_ => ManageToken.Generate().Value).ToHashSet();

        Assert.Equal(100, values.Count);
    }

    [Fact]
    public void The_hash_is_lower_case_hex_sha256_of_the_token()
    {
        var token = ManageToken.Generate();

        Assert.Matches("^[0-9a-f]{64}$", token.Hash);
        Assert.Equal(ManageToken.ComputeHash(token.Value), token.Hash);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ManageToken.ComputeHash("abc"));
    }

    [Fact]
    public void The_issued_token_verifies_against_its_stored_hash()
    {
        var token = ManageToken.Generate();

        Assert.True(ManageToken.Verify(token.Value, token.Hash));
        Assert.True(ManageToken.Verify(token.Value, token.Hash.ToUpperInvariant()));
    }

    [Fact]
    public void Another_or_altered_token_does_not_verify()
    {
        var token = ManageToken.Generate();
        var altered = (token.Value[0] == 'A' ? "B" : "A") + token.Value[1..];

        Assert.False(ManageToken.Verify(ManageToken.Generate().Value, token.Hash));
        Assert.False(ManageToken.Verify(altered, token.Hash));
        Assert.False(ManageToken.Verify(token.Value + "x", token.Hash));
    }

    [Theory]
    [InlineData(null, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", null)]
    [InlineData("abc", "")]
    [InlineData("abc", "ba7816bf")]
    [InlineData("abc", "zz7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void Missing_or_malformed_input_never_verifies(string? presented, string? storedHash) =>
        Assert.False(ManageToken.Verify(presented, storedHash));

    [Fact]
    public void Oversized_input_is_refused_without_matching() =>
        Assert.False(ManageToken.Verify(new string('a', 10_000), ManageToken.ComputeHash(new string('a', 10_000))));

    [Fact]
    public void ToString_never_reveals_the_secret()
    {
        var token = ManageToken.Generate();

        Assert.DoesNotContain(token.Value, token.ToString(), StringComparison.Ordinal);
        Assert.Contains(token.Hash, token.ToString(), StringComparison.Ordinal);
    }
}
