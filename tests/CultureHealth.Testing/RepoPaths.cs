namespace CultureHealth.Testing;

public static class RepoPaths
{
    /// <summary>The repository root (the folder holding CultureHealth.sln).</summary>
    public static string Root { get; } = FindRoot();

    public static string InfraScript => Path.Combine(Root, "deploy", "local", "infra.sh");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CultureHealth.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("CultureHealth.sln not found above " + AppContext.BaseDirectory);
    }
}
