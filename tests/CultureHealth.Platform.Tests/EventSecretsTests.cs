using System.Security.Cryptography;
using CultureHealth.ServiceDefaults.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CultureHealth.Platform.Tests;

public sealed class EventSecretsTests
{
    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static EventSecrets With(Dictionary<string, string> keys, string? active = null) =>
        new(Options.Create(new EventSecretOptions { Keys = keys, ActiveKeyId = active }));

    [Fact]
    public void A_sealed_secret_opens_to_itself_and_does_not_contain_it()
    {
        var secrets = With(new() { ["k1"] = NewKey() });
        var sealedValue = secrets.Seal("manage-token-abc123");
        Assert.DoesNotContain("manage-token-abc123", sealedValue, StringComparison.Ordinal);
        Assert.StartsWith("k1.", sealedValue, StringComparison.Ordinal);
        Assert.Equal("manage-token-abc123", secrets.Open(sealedValue));
    }

    [Fact]
    public void Sealing_twice_gives_different_values()
    {
        var secrets = With(new() { ["k1"] = NewKey() });
        Assert.NotEqual(secrets.Seal("same"), secrets.Seal("same"));
    }

    [Fact]
    public void An_altered_or_foreign_value_does_not_open()
    {
        var key = NewKey();
        var secrets = With(new() { ["k1"] = key });
        var sealedValue = secrets.Seal("secret");
        var altered = sealedValue[..^2] + (sealedValue[^2] == 'A' ? "B" : "A") + sealedValue[^1];
        Assert.Null(secrets.Open(altered));
        Assert.Null(With(new() { ["k1"] = NewKey() }).Open(sealedValue));
        Assert.Null(secrets.Open("k2." + sealedValue[3..]));
        Assert.Null(secrets.Open("not sealed"));
        Assert.Null(secrets.Open(null));
    }

    [Fact]
    public void After_rotation_old_values_still_open_and_new_ones_use_the_new_key()
    {
        var oldKey = NewKey();
        var before = With(new() { ["old"] = oldKey }).Seal("secret");
        var rotated = With(new() { ["old"] = oldKey, ["new"] = NewKey() }, active: "new");
        Assert.Equal("secret", rotated.Open(before));
        Assert.StartsWith("new.", rotated.Seal("secret"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("")]
    public void Start_up_fails_without_a_proper_key(string key)
    {
        Assert.True(FailsValidation(new() { ["k1"] = key }));
        Assert.True(FailsValidation([]));
        Assert.False(FailsValidation(new() { ["k1"] = NewKey() }));
    }

    private static bool FailsValidation(Dictionary<string, string> keys)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(keys.Select(k =>
            new KeyValuePair<string, string?>($"{EventSecretOptions.Section}:Keys:{k.Key}", k.Value)));
        builder.AddEventSecrets();
        using var host = builder.Build();
        try
        {
            _ = host.Services.GetRequiredService<IOptions<EventSecretOptions>>().Value;
            return false;
        }
        catch (OptionsValidationException)
        {
            return true;
        }
    }
}
