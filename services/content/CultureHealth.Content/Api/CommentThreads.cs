using CultureHealth.Content.Domain;

namespace CultureHealth.Content.Api;

internal static class CommentThreads
{
    /// <summary>
    /// Nests approved comments under their parents, oldest first. A reply whose parent is no longer
    /// approved is left out with it, so a trashed comment does not leave its replies dangling.
    /// </summary>
    public static CommentThreadDto Build(IReadOnlyList<Comment> approved)
    {
        var children = approved.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
        var count = 0;
        CommentDto ToDto(Comment c)
        {
            count++;
            return new CommentDto(c.Id, c.ParentId, c.AuthorName, PlainText.ToHtml(c.Body), c.CreatedAt,
                children[c.Id].Select(ToDto).ToList(), c.ByClinic);
        }
        var roots = approved.Where(c => c.ParentId is null).Select(ToDto).ToList();
        return new CommentThreadDto(count, roots);
    }
}
