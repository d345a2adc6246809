namespace CultureHealth.Content.Domain;

public enum CommentStatus
{
    Pending,
    Approved,
    Spam,
    Trash,
}

public static class CommentStatusNames
{
    public static string ToWire(this CommentStatus status) => status.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out CommentStatus status) =>
        Enum.TryParse(value, ignoreCase: true, out status) && Enum.IsDefined(status) && !int.TryParse(value, out _);
}
