using CultureHealth.BackOffice;
using CultureHealth.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
// The back office never accepts staff tokens from a caller: it holds them itself (BFF), so it needs no keys to check them.
builder.AddServiceDefaults(staffTokens: false);
builder.AddBackOffice();

var app = builder.Build();
app.UseBackOffice();
app.MapBackOffice();
app.Run();
