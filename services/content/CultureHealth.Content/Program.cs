using CultureHealth.Content;
using CultureHealth.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddContent();

var app = builder.Build();
app.UseServiceDefaults();
app.MapContentApi();
app.Run();
