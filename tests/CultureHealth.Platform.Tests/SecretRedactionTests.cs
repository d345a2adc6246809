using CultureHealth.ServiceDefaults.Telemetry;

namespace CultureHealth.Platform.Tests;

public sealed class SecretRedactionTests
{
    private const string Token = "FoHQWQN-iVa4zQGybN_NRa8Zq2pW0xk1bT3mS9dYc4E";

    [Theory]
    [InlineData("/api/shop/carts/" + Token, "/api/shop/carts/[redacted]")]
    [InlineData("/api/shop/carts/" + Token + "/items/ROLL-1", "/api/shop/carts/[redacted]/items/ROLL-1")]
    [InlineData("/api/shop/carts/short", "/api/shop/carts/[redacted]")]
    [InlineData("/cart/" + Token, "/cart/[redacted]")]
    [InlineData("/api/shop/carts", "/api/shop/carts")]
    [InlineData("/api/content/articles/how-to-use-a-foam-roller-on-your-back", "/api/content/articles/how-to-use-a-foam-roller-on-your-back")]
    [InlineData("/api/shop/orders/01a22516-df5d-710d-b199-fcdaf507c884", "/api/shop/orders/01a22516-df5d-710d-b199-fcdaf507c884")]
    public void Token_segments_are_masked_and_everything_else_kept(string path, string expected) =>
        Assert.Equal(expected, SecretRedaction.RedactPath(path));

    [Theory]
    [InlineData("?token=" + Token, "?token=[redacted]")]
    [InlineData("page=2&key=abc&q=knee", "page=2&key=[redacted]&q=knee")]
    [InlineData("?email=a%40b.com&code=123456", "?email=a%40b.com&code=[redacted]")]
    [InlineData("?q=running", "?q=running")]
    public void Secret_query_values_are_masked(string query, string expected) =>
        Assert.Equal(expected, SecretRedaction.RedactQuery(query));

    [Fact]
    public void Urls_are_masked_in_path_and_query_and_keep_scheme_and_host() =>
        Assert.Equal("http://127.0.0.1:5102/api/shop/carts/[redacted]?token=[redacted]",
            SecretRedaction.RedactUrl($"http://127.0.0.1:5102/api/shop/carts/{Token}?token={Token}"));

    [Fact]
    public void A_url_without_secrets_is_returned_as_is()
    {
        var url = "http://shop:8080/api/shop/products?page=2";
        Assert.Same(url, SecretRedaction.RedactUrl(url));
    }
}
