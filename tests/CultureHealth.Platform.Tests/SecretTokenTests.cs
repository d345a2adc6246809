using System.Buffers.Text;
using CultureHealth.ServiceDefaults.Secrets;

namespace CultureHealth.Platform.Tests;

/// <summary>The one bearer-token type: carts, order access links, booking manage links, calendar feed keys.</summary>
public class SecretTokenTests
{
    [Fact]
    public void A_token_is_32_random_bytes_in_url_safe_base64_without_padding()
    {
        var token = SecretToken.Generate();

        Assert.Equal(43, token.Value.Length);
        Assert.Matches("^[A-Za-z0-9_-]+$", token.Value);
        Assert.All(token.Value, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
        Assert.Equal(32, Base64Url.DecodeFromChars(token.Value).Length);
    }

    [Fact]
    public void Tokens_do_not_repeat()
    {
        var tokens = Enumerable.Range(0, 1_000).Select(_ => SecretToken.Generate().Value).ToList();

        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    [Fact]
    public void The_hash_is_lower_case_hex_sha256_of_the_token()
    {
        var token = SecretToken.Generate();

        Assert.Matches("^[0-9a-f]{64}$", token.Hash);
        Assert.Equal(64, token.Hash.Length);
        Assert.Equal(SecretToken.HashOf(token.Value), token.Hash);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SecretToken.HashOf("abc"));
    }

    [Fact]
    public void The_issued_token_verifies_against_its_stored_hash()
    {
        var token = SecretToken.Generate();

        Assert.True(SecretToken.Verify(token.Value, token.Hash));
        Assert.True(SecretToken.Verify(token.Value, token.Hash.ToUpperInvariant()));
    }

    [Fact]
    public void Another_or_altered_token_does_not_verify()
    {
        var token = SecretToken.Generate();
        var other = SecretToken.Generate();
        var altered = (token.Value[0] == 'A' ? "B" : "A") + token.Value[1..];

        Assert.False(SecretToken.Verify(other.Value, token.Hash));
        Assert.False(SecretToken.Verify(token.Value, other.Hash));
        Assert.False(SecretToken.Verify(altered, token.Hash));
        Assert.False(SecretToken.Verify(token.Value + "x", token.Hash));
        Assert.False(SecretToken.Verify(token.Value[..^1], token.Hash));
        Assert.False(SecretToken.Verify(token.Value, token.Hash[..^1]));
    }

    [Theory]
    [InlineData(null, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("", "")]
    [InlineData("abc", null)]
    [InlineData("abc", "")]
    [InlineData("abc", "ba7816bf")]
    [InlineData("abc", "zz7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    public void Missing_or_malformed_input_never_verifies(string? presented, string? storedHash) =>
        Assert.False(SecretToken.Verify(presented, storedHash));

    [Fact]
    public void A_malformed_stored_hash_of_the_right_length_never_verifies()
    {
        var token = SecretToken.Generate();

        Assert.False(SecretToken.Verify(token.Value, "zz" + token.Hash[2..]));
        Assert.False(SecretToken.Verify(token.Value, null));
        Assert.False(SecretToken.Verify(null, token.Hash));
    }

    [Fact]
    public void Nothing_verifies_against_the_unmatchable_hash()
    {
        Assert.Equal(64, SecretToken.Unmatchable.Length);
        Assert.False(SecretToken.Verify(SecretToken.Generate().Value, SecretToken.Unmatchable));
    }

    [Fact]
    public void Oversized_input_is_refused_without_matching() =>
        Assert.False(SecretToken.Verify(new string('a', 10_000), SecretToken.HashOf(new string('a', 10_000))));

    [Fact]
    public void ToString_never_reveals_the_secret()
    {
        var token = SecretToken.Generate();

        Assert.DoesNotContain(token.Value, token.ToString(), StringComparison.Ordinal);
        Assert.Contains(token.Hash, token.ToString(), StringComparison.Ordinal);
    }
}
