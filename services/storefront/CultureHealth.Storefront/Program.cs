using CultureHealth.ServiceDefaults;
using CultureHealth.Storefront;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(staffTokens: false);
builder.AddStorefront();

var app = builder.Build();
app.MapStorefront();
app.Run();
