using System.Buffers.Text;
using CultureHealth.Shop.Domain;
using Xunit;

namespace CultureHealth.Shop.Tests.Domain;

public class SecretTokenTests
{
    [Fact]
    public void Tokens_are_32_random_bytes_in_base64url()
    {
        var issued = SecretToken.Issue();

        Assert.Equal(43, issued.Token.Length);
        Assert.All(issued.Token, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '_'));
        Assert.Equal(32, Base64Url.DecodeFromChars(issued.Token).Length);
    }

    [Fact]
    public void Tokens_do_not_repeat()
    {
        var tokens = Enumerable.Range(0, 1_000).Select(_ => SecretToken.Issue().Token).ToList();

        Assert.Equal(tokens.Count, tokens.Distinct().Count());
    }

    [Fact]
    public void The_stored_hash_is_lower_case_hex_sha256() =>
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", SecretToken.Hash("abc"));

    [Fact]
    public void The_issued_hash_is_the_hash_of_the_token()
    {
        var issued = SecretToken.Issue();

        Assert.Equal(SecretToken.Hash(issued.Token), issued.Hash);
        Assert.Equal(64, issued.Hash.Length);
    }

    [Fact]
    public void The_token_matches_its_hash_and_nothing_else_does()
    {
        var issued = SecretToken.Issue();
        var other = SecretToken.Issue();

        Assert.True(SecretToken.Matches(issued.Token, issued.Hash));
        Assert.True(SecretToken.Matches(issued.Token, issued.Hash.ToUpperInvariant()));
        Assert.False(SecretToken.Matches(other.Token, issued.Hash));
        Assert.False(SecretToken.Matches(issued.Token, other.Hash));
        Assert.False(SecretToken.Matches(issued.Token[..^1], issued.Hash));
        Assert.False(SecretToken.Matches(issued.Token, issued.Hash[..^1]));
        Assert.False(SecretToken.Matches(null, issued.Hash));
        Assert.False(SecretToken.Matches(issued.Token, null));
        Assert.False(SecretToken.Matches("", ""));
    }

    [Fact]
    public void Printing_an_issued_token_does_not_reveal_it()
    {
        var issued = SecretToken.Issue();

        Assert.DoesNotContain(issued.Token, issued.ToString(), StringComparison.Ordinal);
    }
}
