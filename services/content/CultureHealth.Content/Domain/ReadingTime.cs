namespace CultureHealth.Content.Domain;

public static class ReadingTime
{
    /// <summary>A common estimate for adult readers of web articles.</summary>
    public const int WordsPerMinute = 200;

    /// <summary>Whole minutes, at least one, from the Markdown source (markup characters are not words).</summary>
    public static int Minutes(string markdown)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in markdown ?? "")
        {
            var isWordChar = char.IsLetterOrDigit(c);
            if (isWordChar && !inWord)
            {
                words++;
            }
            inWord = isWordChar || (inWord && c is '\'' or '’' or '-');
        }
        return Math.Max(1, (int)Math.Ceiling(words / (double)WordsPerMinute));
    }
}
