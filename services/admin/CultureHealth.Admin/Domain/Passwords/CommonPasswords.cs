namespace CultureHealth.Admin.Domain.Passwords;

/// <summary>The bundled list of common and breached passwords (common-passwords.txt, an embedded resource).</summary>
public sealed class CommonPasswords
{
    private readonly HashSet<string> _passwords;

    private CommonPasswords(HashSet<string> passwords) => _passwords = passwords;

    public int Count => _passwords.Count;

    public bool Contains(string lowerCasePassword) => _passwords.Contains(lowerCasePassword);

    public static CommonPasswords Load()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("CultureHealth.Admin.Domain.Passwords.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is not embedded in the admin assembly.");
        using var reader = new StreamReader(stream);
        var passwords = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                passwords.Add(line.ToLowerInvariant());
            }
        }
        return new CommonPasswords(passwords);
    }
}
