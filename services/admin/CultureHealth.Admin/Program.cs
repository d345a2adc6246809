using CultureHealth.Admin;
using CultureHealth.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAdmin();

var app = builder.Build();
app.UseServiceDefaults();
app.MapAdminApi();
app.Run();
