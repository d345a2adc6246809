using CultureHealth.AppHost.Supervision;

namespace CultureHealth.AppHost;

/// <summary>
/// Every CultureHealth process as a project resource, on the port deploy/local/ports.env gives it and with the
/// settings ./run gave each one before the AppHost (same variables, same secrets, same files).
/// </summary>
internal static class ServiceConfiguration
{
    /// <summary>The processes the gateway routes to (each gets a ReverseProxy cluster destination).</summary>
    private static readonly string[] Routed = ["content", "shop", "booking", "admin", "patients", "storefront", "backoffice"];

    /// <summary>Variables Aspire adds for its development loop that ./run never set: kept out, so a stack under the
    /// AppHost behaves (and measures) like the one before it. The services configure forwarded headers themselves,
    /// and their trace sampling and export intervals stay the SDK's defaults.</summary>
    private static readonly string[] DevelopmentOnlyVariables =
    [
        "ASPNETCORE_FORWARDEDHEADERS_ENABLED", "OTEL_TRACES_SAMPLER", "OTEL_METRICS_EXEMPLAR_FILTER",
        "OTEL_BLRP_SCHEDULE_DELAY", "OTEL_BSP_SCHEDULE_DELAY", "OTEL_METRIC_EXPORT_INTERVAL",
        "OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES", "OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES",
        "OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY", "LOGGING__CONSOLE__FORMATTERNAME", "LOGGING__CONSOLE__FORMATTEROPTIONS__TIMESTAMPFORMAT",
    ];

    public static IResourceBuilder<ProjectResource> AddCultureHealthProcess<TProject>(
        this IDistributedApplicationBuilder builder, string name, LocalStackSettings stack, string healthPath = "/health/ready")
        where TProject : IProjectMetadata, new()
    {
        var port = stack.PortOf(name);
        return builder.AddProject<TProject>(name, launchProfileName: null)
            .WithHttpEndpoint(name: "http", port: port, targetPort: port, isProxied: false)
            .WithHttpHealthCheck(healthPath)
            .WithEnvironment(context => Configure(context.EnvironmentVariables, name, port, stack))
            .WithRestartOnExit();
    }

    private static void Configure(IDictionary<string, object> env, string name, int port, LocalStackSettings stack)
    {
        foreach (var variable in DevelopmentOnlyVariables)
        {
            env.Remove(variable);
        }

        string Local(int p) => $"http://127.0.0.1:{p}";
        var gateway = Local(stack.GatewayPort);

        env["ASPNETCORE_URLS"] = Local(port);
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        env["DOTNET_ENVIRONMENT"] = "Production";
        env["OTEL_SERVICE_NAME"] = name;
        env["StaffAuth__PublicKeys__0__Id"] = stack.Secret("CH_JWT_KEY_ID");
        env["StaffAuth__PublicKeys__0__PublicKeyFile"] = stack.StaffPublicKey;
        env["StaffAuth__JwksUrl"] = $"{Local(stack.PortOf("admin"))}/.well-known/jwks.json";
        // Every process here is reached through a proxy on this machine (the gateway, or nothing): believe it only.
        env["ForwardedHeaders__TrustedProxies__0"] = "127.0.0.1/32";
        // Its own broker user and database role, if deploy/service-access.txt gives it one.
        if (stack.ServicePassword(name, "RABBIT") is { } rabbitPassword)
        {
            env["ConnectionStrings__rabbitmq"] = $"amqp://{name}:{rabbitPassword}@127.0.0.1:{stack.RabbitPort}/";
        }
        if (stack.ServicePassword(name, "DB") is { } dbPassword)
        {
            env[$"ConnectionStrings__{name}"] =
                $"Host=127.0.0.1;Port={stack.PostgresPort};Username={name};Password={dbPassword};Database={name}";
        }
        env["Database__SeedDemoData"] = "true";
        env["Site__PublicUrl"] = gateway;
        env["Shop__WebhookSecret"] = stack.Secret("CH_WEBHOOK_SECRET");

        switch (name)
        {
            case "admin": // Admin alone signs staff tokens.
                env["StaffAuth__SigningKeys__0__Id"] = stack.Secret("CH_JWT_KEY_ID");
                env["StaffAuth__SigningKeys__0__PrivateKeyFile"] = stack.StaffPrivateKey;
                break;
            case "patients": // Only the patients service signs patient tokens.
                env["PatientAuth__SigningKeys__0__Id"] = stack.Secret("CH_PATIENTS_KEY_ID");
                env["PatientAuth__SigningKeys__0__PrivateKeyFile"] = stack.PatientsPrivateKey;
                break;
            case "booking" or "shop": // They check patient tokens with the public key (and the JWKS, for rotation).
                env["PatientAuth__PublicKeys__0__Id"] = stack.Secret("CH_PATIENTS_KEY_ID");
                env["PatientAuth__PublicKeys__0__PublicKeyFile"] = stack.PatientsPublicKey;
                env["PatientAuth__JwksUrl"] = $"{Local(stack.PortOf("patients"))}/.well-known/jwks.json";
                break;
            case "backoffice": // Holds staff tokens sealed with its own key and checks none itself: admin does.
                env["BackOffice__AdminUrl"] = Local(stack.PortOf("admin"));
                env["BackOffice__SessionKey"] = stack.Secret("CH_BACKOFFICE_SESSION_KEY");
                break;
            case "storefront": // One antiforgery key for every replica of the website.
                env["Storefront__DataProtectionKey"] = stack.Secret("CH_STOREFRONT_DP_KEY");
                break;
            case "content":
                env["Content__IpHashSalt"] = stack.Secret("CH_CONTENT_IP_HASH_SALT");
                break;
        }
        // Seals bearer secrets inside events: only the services that write or read such a field hold it.
        if (name is "booking" or "shop" or "notifications" or "content" or "patients")
        {
            env["EventSecrets__Keys__local"] = stack.Secret("CH_EVENT_SECRET_KEY");
        }

        // Local runs write every email as an .eml file instead of sending it.
        env["Notifications__Delivery"] = "Pickup";
        env["Notifications__PickupDirectory"] = Path.Combine(stack.DataDirectory, "mail");
        env["Admin__Bootstrap__Email"] = stack.Secret("CH_ADMIN_EMAIL");
        env["Admin__Bootstrap__Password"] = stack.Secret("CH_ADMIN_PASSWORD");
        foreach (var service in (string[])["content", "shop", "booking"])
        {
            env[$"Admin__Services__{service}"] = Local(stack.PortOf(service));
        }
        foreach (var routed in Routed)
        {
            env[$"ReverseProxy__Clusters__{routed}__Destinations__primary__Address"] = Local(stack.PortOf(routed));
        }
        // The website calls the gateway with the visitor's address in X-Forwarded-For; the gateway believes it
        // from the website only (here everything is on loopback).
        env["Gateway__TrustedNetworks__0"] = "127.0.0.1";
        env["Storefront__GatewayUrl"] = gateway;
    }
}
