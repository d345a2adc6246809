using CultureHealth.Shop;
using CultureHealth.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddShop();

var app = builder.Build();
app.UseServiceDefaults();
app.MapShopApi();
app.Run();
