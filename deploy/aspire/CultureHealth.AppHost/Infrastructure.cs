using CultureHealth.AppHost.Supervision;

namespace CultureHealth.AppHost;

/// <summary>
/// PostgreSQL and RabbitMQ as supervised processes, started by the same deploy/local/infra.sh the tests use, in its
/// foreground modes (the script execs the server, so the process the AppHost watches is the server itself), then
/// every service's database role and broker user (infra.sh service-access, from deploy/service-access.txt).
/// </summary>
internal static class Infrastructure
{
    public sealed record Resources(
        IResourceBuilder<ExecutableResource> Postgres,
        IResourceBuilder<ExecutableResource> RabbitMq,
        IResourceBuilder<ExecutableResource> ServiceAccess);

    public static Resources AddLocalInfrastructure(this IDistributedApplicationBuilder builder, LocalStackSettings stack)
    {
        var home = Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } h ? h : "/root";

        builder.Services.AddHealthChecks()
            .AddCheck("postgres-tcp", new TcpPortHealthCheck(stack.PostgresPort))
            .AddCheck("rabbitmq-tcp", new TcpPortHealthCheck(stack.RabbitPort));

        var postgresDirectory = Path.Combine(stack.DataDirectory, "pg");
        var postgres = builder.AddExecutable("postgres", "bash", stack.DataDirectory,
                stack.InfraScript, "pg-run", postgresDirectory, stack.PostgresPort.ToString(CultureInfo.InvariantCulture))
            .WithEndpoint(name: "tcp", port: stack.PostgresPort, targetPort: stack.PostgresPort, scheme: "tcp", isProxied: false)
            .WithHealthCheck("postgres-tcp")
            .WithRestartOnExit();

        var rabbitDirectory = Path.Combine(stack.DataDirectory, "rabbitmq");
        var rabbitmq = builder.AddExecutable("rabbitmq", "bash", stack.DataDirectory,
                stack.InfraScript, "rabbit-run", rabbitDirectory,
                stack.RabbitPort.ToString(CultureInfo.InvariantCulture),
                stack.RabbitDistributionPort.ToString(CultureInfo.InvariantCulture),
                stack.RabbitNode,
                stack.RabbitManagementPort.ToString(CultureInfo.InvariantCulture))
            .WithEnvironment("HOME", home)
            .WithEndpoint(name: "amqp", port: stack.RabbitPort, targetPort: stack.RabbitPort, scheme: "tcp", isProxied: false)
            .WithEndpoint(name: "management", port: stack.RabbitManagementPort, targetPort: stack.RabbitManagementPort, scheme: "http", isProxied: false)
            .WithHealthCheck("rabbitmq-tcp")
            .WithRestartOnExit();

        // Runs once the servers answer and exits: each service's role and broker user, with today's passwords
        // (skipped when the stamps it left in both data folders say nothing changed).
        var access = builder.AddExecutable("service-access", "bash", stack.DataDirectory,
                stack.InfraScript, "service-access", stack.PostgresPort.ToString(CultureInfo.InvariantCulture), stack.RabbitNode,
                postgresDirectory, rabbitDirectory)
            .WithEnvironment("HOME", home)
            .WithEnvironment(context =>
            {
                foreach (var service in ServiceAccess.Services(stack.RepositoryRoot))
                {
                    foreach (var kind in (string[])["DB", "RABBIT"])
                    {
                        if (stack.ServicePassword(service, kind) is { } password)
                        {
                            context.EnvironmentVariables[$"CH_{service.ToUpperInvariant()}_{kind}_PASSWORD"] = password;
                        }
                    }
                }
            })
            .WaitFor(postgres)
            .WaitFor(rabbitmq);

        return new Resources(postgres, rabbitmq, access);
    }
}

/// <summary>The services deploy/service-access.txt lists (its first column).</summary>
internal static class ServiceAccess
{
    public static IReadOnlyList<string> Services(string repositoryRoot) =>
        File.ReadLines(Path.Combine(repositoryRoot, "deploy", "service-access.txt"))
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[0])
            .ToList();
}
