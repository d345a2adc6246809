using CultureHealth.Booking;
using CultureHealth.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddBooking();

var app = builder.Build();
app.UseServiceDefaults();
app.MapBookingApi();
app.Run();
