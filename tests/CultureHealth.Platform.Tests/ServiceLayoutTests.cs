using System.Text.RegularExpressions;
using CultureHealth.Testing;

namespace CultureHealth.Platform.Tests;

/// <summary>
/// The one house every backend service lives in (README, "One house for every service"), read from the source:
/// Api/ maps HTTP and never touches EF, nothing but the service's own AddXxx/MapXxxApi file imports Api/, and
/// Domain/ is plain C# (no EF, no ASP.NET Core, no Data/ or Api/).
/// </summary>
public sealed partial class ServiceLayoutTests
{
    public static TheoryData<string> Services => new() { "admin", "booking", "content", "notifications", "patients", "shop" };

    [Theory]
    [MemberData(nameof(Services))]
    public void Api_maps_http_and_leaves_the_database_to_Application(string service)
    {
        var offending = SourceFiles(service, "Api")
            .SelectMany(file => Lines(file).Where(line => EfUse().IsMatch(line.Text)).Select(line => $"{file.Relative}:{line.Number}: {line.Text.Trim()}"))
            .ToList();

        Assert.True(offending.Count == 0, "EF use in Api/:\n" + string.Join("\n", offending));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Nothing_but_the_service_registration_imports_Api(string service)
    {
        var project = ProjectFolder(service);
        var apiNamespace = $"using {Path.GetFileName(project)}.Api;";
        var offending = SourceFiles(service)
            .Where(file => !file.Relative.Contains("/Api/", StringComparison.Ordinal)
                && !file.Relative.EndsWith("ServiceExtensions.cs", StringComparison.Ordinal)
                && File.ReadLines(file.Path).Any(line => line.Trim() == apiNamespace))
            .Select(file => file.Relative)
            .ToList();

        Assert.True(offending.Count == 0, $"{apiNamespace} outside Api/:\n" + string.Join("\n", offending));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void Domain_is_plain_csharp(string service)
    {
        var project = Path.GetFileName(ProjectFolder(service));
        string[] forbidden = ["using Microsoft.EntityFrameworkCore", "using Microsoft.AspNetCore", $"using {project}.Data", $"using {project}.Api"];
        var offending = SourceFiles(service, "Domain")
            .SelectMany(file => Lines(file).Where(line => forbidden.Any(f => line.Text.TrimStart().StartsWith(f, StringComparison.Ordinal)))
                .Select(line => $"{file.Relative}:{line.Number}: {line.Text.Trim()}"))
            .ToList();

        Assert.True(offending.Count == 0, "Domain/ depends on infrastructure:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void The_checks_see_the_code_they_judge()
    {
        // A wrong path would make every check above pass on no files at all.
        Assert.NotEmpty(SourceFiles("booking", "Api"));
        Assert.NotEmpty(SourceFiles("shop", "Domain"));
        Assert.Contains(Lines(SourceFiles("content", "Application").First(f => f.Relative.EndsWith("/ArticleEdits.cs", StringComparison.Ordinal))),
            line => EfUse().IsMatch(line.Text));
    }

    // A DbContext, a DbSet or the calls that reach the database through one.
    [GeneratedRegex(@"\b\w*DbContext\b|\bDbSet<|\.Set<|\bSaveChanges(Async)?\(|\bExecute(Update|Delete)(Async)?\(|\bFromSql|\.Database\.")]
    private static partial Regex EfUse();

    private sealed record SourceFile(string Path, string Relative);

    private static string ProjectFolder(string service) =>
        Directory.GetDirectories(System.IO.Path.Combine(RepoPaths.Root, "services", service), "CultureHealth.*").Single();

    private static List<SourceFile> SourceFiles(string service, string? folder = null)
    {
        var project = ProjectFolder(service);
        var root = folder is null ? project : System.IO.Path.Combine(project, folder);
        if (!Directory.Exists(root))
        {
            return [];
        }
        return Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Select(path => new SourceFile(path, System.IO.Path.GetRelativePath(RepoPaths.Root, path).Replace('\\', '/')))
            .Where(file => !file.Relative.Contains("/obj/", StringComparison.Ordinal) && !file.Relative.Contains("/bin/", StringComparison.Ordinal)
                && !file.Relative.Contains("/Migrations/", StringComparison.Ordinal))
            .ToList();
    }

    private static IEnumerable<(int Number, string Text)> Lines(SourceFile file) =>
        File.ReadLines(file.Path).Select((text, i) => (i + 1, text))
            .Where(line => !line.text.TrimStart().StartsWith("//", StringComparison.Ordinal));
}
