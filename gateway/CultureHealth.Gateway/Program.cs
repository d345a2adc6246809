using CultureHealth.Gateway;
using CultureHealth.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();
app.UseServiceDefaults();
app.MapGateway();
app.Run();

/// <summary>Entry point marker for test hosts.</summary>
public partial class Program;
