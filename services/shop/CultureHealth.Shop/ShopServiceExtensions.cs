using CultureHealth.Messaging;
using CultureHealth.Messaging.Data;
using CultureHealth.Shop.Data;

namespace CultureHealth.Shop;

public static class ShopServiceExtensions
{
    public static IHostApplicationBuilder AddShop(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ShopDbContext>("shop");
        builder.AddServiceMessaging<ShopDbContext>("shop");
        return builder;
    }

    public static WebApplication MapShopApi(this WebApplication app) => app;
}
