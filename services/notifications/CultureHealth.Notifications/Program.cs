using CultureHealth.Notifications;
using CultureHealth.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotifications();

var app = builder.Build();
app.UseServiceDefaults();
app.Run();
