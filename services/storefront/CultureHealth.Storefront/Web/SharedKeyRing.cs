using System.Globalization;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace CultureHealth.Storefront.Web;

/// <summary>
/// Every replica protects antiforgery tokens with the same key, made from the secret
/// <c>Storefront:DataProtectionKey</c> (base64 of 64 random bytes), so a form rendered by one replica is accepted
/// by another. Without it each replica would invent its own key ring (in memory on a read-only container file
/// system) and a POST landing on another replica would be refused. To rotate, change the secret: tokens in
/// forms already open fail once and the visitor submits again.
/// </summary>
public static class SharedKeyRing
{
    public const string ConfigKey = "Storefront:DataProtectionKey";

    public static void AddSharedKeyRing(this WebApplicationBuilder builder)
    {
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("CultureHealth.Storefront");
        if (builder.Configuration[ConfigKey] is not { Length: > 0 } secret)
        {
            // A developer's single replica: ASP.NET Core's own key ring is fine.
            return;
        }
        var master = Convert.FromBase64String(secret);
        if (master.Length < 32)
        {
            throw new InvalidOperationException($"{ConfigKey} must be base64 of at least 32 random bytes.");
        }
        dataProtection.DisableAutomaticKeyGeneration();
        builder.Services.Configure<KeyManagementOptions>(o => o.XmlRepository = new ConfiguredKey(master));
    }

    /// <summary>A key ring of one key, never written anywhere: its id and dates are fixed so every replica builds the same XML.</summary>
    private sealed class ConfiguredKey(byte[] master) : IXmlRepository
    {
        private static readonly XNamespace DataProtection = "http://schemas.asp.net/2015/03/dataProtection";
        private static readonly Guid KeyId = Guid.Parse("5f0c6a1e-3b9d-4e57-9c1a-c0ffee000001");

        public IReadOnlyCollection<XElement> GetAllElements()
        {
            var created = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture);
            var expires = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero).ToString("O", CultureInfo.InvariantCulture);
            var key = new XElement("key",
                new XAttribute("id", KeyId), new XAttribute("version", 1),
                new XElement("creationDate", created), new XElement("activationDate", created), new XElement("expirationDate", expires),
                new XElement("descriptor",
                    new XAttribute("deserializerType", typeof(AuthenticatedEncryptorDescriptorDeserializer).AssemblyQualifiedName!),
                    new XElement("descriptor",
                        new XElement("encryption", new XAttribute("algorithm", "AES_256_CBC")),
                        new XElement("validation", new XAttribute("algorithm", "HMACSHA256")),
                        new XElement("masterKey", new XAttribute(DataProtection + "requiresEncryption", "true"),
                            new XElement("value", Convert.ToBase64String(master))))));
            return [key];
        }

        public void StoreElement(XElement element, string friendlyName) =>
            throw new InvalidOperationException("The website's data-protection key comes from configuration; it never makes or stores one.");
    }
}
