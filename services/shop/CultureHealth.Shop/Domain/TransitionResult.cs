namespace CultureHealth.Shop.Domain;

/// <summary>The outcome of asking for a status change: the recorded transition, or why it is not allowed.</summary>
public sealed record TransitionResult
{
    private TransitionResult(OrderTransition? transition, string? error)
    {
        Transition = transition;
        Error = error;
    }

    public OrderTransition? Transition { get; }

    public string? Error { get; }

    public bool IsAllowed => Transition is not null;

    public static TransitionResult Allowed(OrderTransition transition) => new(transition, null);

    public static TransitionResult Refused(string error) => new(null, error);
}
