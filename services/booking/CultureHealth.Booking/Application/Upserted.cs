namespace CultureHealth.Booking.Application;

/// <summary>What a create-or-replace by id stored, and whether the id was new (so the answer is 201, not 200).</summary>
public sealed record Upserted<T>(T View, bool Created);
