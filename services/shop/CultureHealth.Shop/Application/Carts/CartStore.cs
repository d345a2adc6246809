using CultureHealth.Shop.Data;
using CultureHealth.ServiceDefaults.Secrets;
using CultureHealth.Shop.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CultureHealth.Shop.Application.Carts;

/// <summary>Finds carts by the token the client holds and keeps their inactivity clock running.</summary>
internal sealed class CartStore(ShopDbContext db, TimeProvider clock, IOptions<ShopOptions> options)
{
    public Cart Create()
    {
        var now = clock.GetUtcNow();
        var token = SecretToken.Generate();
        var cart = new Cart { Id = token.Hash, CreatedAt = now, UpdatedAt = now, ExpiresAt = now + options.Value.CartExpiry };
        db.Carts.Add(cart);
        LastIssuedToken = token.Value;
        return cart;
    }

    /// <summary>The token of the cart made by <see cref="Create"/>: handed to the client once, never stored.</summary>
    public string? LastIssuedToken { get; private set; }

    /// <summary>A live cart that can still be changed, with its lines and their products; otherwise a 404/409 problem.</summary>
    public async Task<Cart> OpenForChangeAsync(string cartToken, CancellationToken ct)
    {
        var cart = await FindAsync(cartToken, ct);
        if (cart.OrderId is not null)
        {
            throw ShopProblems.CartCheckedOut();
        }

        return cart;
    }

    public async Task<Cart> FindAsync(string cartToken, CancellationToken ct)
    {
        if (cartToken.Length != SecretToken.TokenLength)
        {
            throw ShopProblems.CartNotFound();
        }

        var id = SecretToken.HashOf(cartToken);
        var cart = await db.Carts.Include(c => c.Items).ThenInclude(i => i.Product)
            .FirstOrDefaultAsync(c => c.Id == id, ct);
        var now = clock.GetUtcNow();
        if (cart is null || cart.ExpiresAt <= now)
        {
            throw ShopProblems.CartNotFound();
        }

        return cart;
    }

    public void Touch(Cart cart)
    {
        var now = clock.GetUtcNow();
        cart.UpdatedAt = now;
        cart.ExpiresAt = now + options.Value.CartExpiry;
    }
}
