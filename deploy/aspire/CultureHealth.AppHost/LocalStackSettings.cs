namespace CultureHealth.AppHost;

/// <summary>
/// What ./run hands the AppHost: through its environment the ports of deploy/local/ports.env and the data folder;
/// in that folder the secrets ./run made (secrets.env and the signing keys). The AppHost makes no secret itself.
/// Secrets are read from the file, never from the AppHost's environment, which every process it starts inherits:
/// each service is given its own secrets only.
/// </summary>
internal sealed class LocalStackSettings
{
    private readonly IConfiguration _configuration;
    private readonly Dictionary<string, string> _secrets;

    public LocalStackSettings(IConfiguration configuration)
    {
        _configuration = configuration;
        RepositoryRoot = Required(configuration, "CH_ROOT");
        DataDirectory = Required(configuration, "CH_DATA_DIR");
        RabbitNode = Required(configuration, "CH_RABBIT_NODE");
        _secrets = ReadSecrets(Path.Combine(DataDirectory, "secrets.env"));
    }

    public string RepositoryRoot { get; }
    public string DataDirectory { get; }
    public string RabbitNode { get; }

    public int GatewayPort => Port("CH_GATEWAY_PORT");
    public int PostgresPort => Port("CH_PG_PORT");
    public int RabbitPort => Port("CH_RABBIT_PORT");
    public int RabbitDistributionPort => Port("CH_RABBIT_DIST_PORT");
    public int RabbitManagementPort => Port("CH_RABBIT_MGMT_PORT");

    public string InfraScript => Path.Combine(RepositoryRoot, "deploy", "local", "infra.sh");
    public string StaffPrivateKey => Path.Combine(DataDirectory, "staff-signing-key.pem");
    public string StaffPublicKey => Path.Combine(DataDirectory, "staff-signing-key.pub.pem");
    public string PatientsPrivateKey => Path.Combine(DataDirectory, "patients-signing-key.pem");
    public string PatientsPublicKey => Path.Combine(DataDirectory, "patients-signing-key.pub.pem");

    /// <summary>The port of a process ./run knows by name (content, shop, …, storefront, backoffice, gateway).</summary>
    public int PortOf(string name) => Port($"CH_{name.ToUpperInvariant()}_PORT");

    /// <summary>A secret of secrets.env, e.g. CH_ADMIN_PASSWORD.</summary>
    public string Secret(string variable) =>
        _secrets.TryGetValue(variable, out var value) && value.Length > 0
            ? value
            : throw new InvalidOperationException($"{variable} is missing from {DataDirectory}/secrets.env: ./run adds it.");

    /// <summary>A service's database or broker password (CH_&lt;SERVICE&gt;_DB_PASSWORD, CH_&lt;SERVICE&gt;_RABBIT_PASSWORD),
    /// or null when deploy/service-access.txt gives it none.</summary>
    public string? ServicePassword(string service, string kind) =>
        _secrets.TryGetValue($"CH_{service.ToUpperInvariant().Replace('-', '_')}_{kind}_PASSWORD", out var value) && value.Length > 0
            ? value
            : null;

    private int Port(string variable) =>
        int.TryParse(Required(_configuration, variable), out var port) && port is > 0 and < 65536
            ? port
            : throw new InvalidOperationException($"{variable} is not a port number.");

    /// <summary>NAME=value lines as ./run writes them (values are base64 or plain words; the first '=' splits).</summary>
    private static Dictionary<string, string> ReadSecrets(string path)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} does not exist: start the stack with ./run, which makes it.");
        }
        var secrets = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var split = line.IndexOf('=', StringComparison.Ordinal);
            if (split > 0 && !line.StartsWith('#'))
            {
                secrets[line[..split].Trim()] = line[(split + 1)..].Trim();
            }
        }
        return secrets;
    }

    private static string Required(IConfiguration configuration, string variable) =>
        configuration[variable] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: start the stack with ./run, which sets it.");
}
