using CultureHealth.AppHost;
using CultureHealth.AppHost.Supervision;

// The local stack (./run): PostgreSQL and RabbitMQ as processes, every service, the website, the back office and
// the gateway as projects, all supervised (a process that exits is started again, with back-off) and shown,
// with their console logs and telemetry, on the dashboard. See docs/local-orchestration.md.
var builder = DistributedApplication.CreateBuilder(args);
var stack = new LocalStackSettings(builder.Configuration);
builder.Services.AddSingleton(stack);
builder.Services.AddHostedService<ConsoleLogFiles>();
builder.Services.AddRestartSupervisor();

var infra = builder.AddLocalInfrastructure(stack);

IResourceBuilder<ProjectResource>[] services =
[
    builder.AddCultureHealthProcess<Projects.CultureHealth_Content>("content", stack),
    builder.AddCultureHealthProcess<Projects.CultureHealth_Shop>("shop", stack),
    builder.AddCultureHealthProcess<Projects.CultureHealth_Booking>("booking", stack),
    builder.AddCultureHealthProcess<Projects.CultureHealth_Admin>("admin", stack),
    builder.AddCultureHealthProcess<Projects.CultureHealth_Notifications>("notifications", stack),
    builder.AddCultureHealthProcess<Projects.CultureHealth_Patients>("patients", stack),
    builder.AddCultureHealthProcess<Projects.CultureHealth_BackOffice>("backoffice", stack),
    builder.AddCultureHealthProcess<Projects.CultureHealth_Storefront>("storefront", stack),
];
foreach (var service in services)
{
    service.WaitFor(infra.Postgres).WaitFor(infra.RabbitMq).WaitForCompletion(infra.ServiceAccess);
}

// The gateway starts with the rest: its /health reports each service as it comes up.
builder.AddCultureHealthProcess<Projects.CultureHealth_Gateway>("gateway", stack);

builder.Build().Run();
