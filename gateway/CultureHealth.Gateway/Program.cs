using CultureHealth.Gateway;
using CultureHealth.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.UseEdgeProtection();
app.UseServiceDefaults();
app.MapGateway();
app.Run();
