using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.ServiceDefaults.Auth;
using CultureHealth.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CultureHealth.EndToEnd.Tests;

/// <summary>Finding articles: the list with paging, topic and author pages, and ranked search with highlighted passages.</summary>
[Collection(SiteCollection.Name)]
public sealed class ArticleListTests(SiteStack site, ITestOutputHelper output)
{
    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task Articles_list_links_every_article_and_the_topics(Screen screen)
    {
        await using var browse = await Browse.OpenAsync(site, screen, output);
        await browse.VisitAsync("/articles", "articles");
        var page = browse.Page;

        Assert.Equal("Articles | Cultural Health Club", await page.TitleAsync());
        Assert.True(await page.Locator(".article-list a[href^='/articles/']").CountAsync() >= 3);
        await page.Locator("a[href='/articles/tags/back-pain']").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Back pain");
        await browse.CheckAsync("articles-tag");
        Assert.StartsWith("Back pain: articles", await page.TitleAsync());
    }

    [Fact]
    public async Task A_long_topic_pages_ten_at_a_time_each_page_with_its_own_url_and_past_the_end_is_404()
    {
        var tag = "paging-" + Guid.NewGuid().ToString("N")[..8];
        using var editor = site.GatewayClient(TestStaff.TokenFor(StaffRoles.Editor));
        for (var i = 1; i <= 11; i++)
        {
            using var created = await editor.PostAsJsonAsync("/api/admin/content/articles", new
            {
                title = $"Paging article {i} {tag}", bodyMarkdown = "Text.", authorId = Guid.Parse("6f1c2a60-1d1b-4c38-9d55-0c8f1f0a0001"), tags = new[] { tag },
            });
            created.EnsureSuccessStatusCode();
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
            using var published = await editor.PostAsJsonAsync($"/api/admin/content/articles/{id}/publish", new { });
            published.EnsureSuccessStatusCode();
        }

        await using var browse = await Browse.OpenAsync(site, output: output);
        var page = browse.Page;
        // The website keeps lists for Storefront:PublicReadCacheDuration: a brand-new topic is not cached yet.
        await browse.VisitAsync($"/articles/tags/{tag}", "articles-tag-page-1");
        Assert.Equal(10, await page.Locator(".article-list li").CountAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Older →" }).ClickAsync();
        await Assertions.Expect(page.Locator(".pager")).ToContainTextAsync("Page 2 of 2");
        await browse.CheckAsync("articles-tag-page-2");
        Assert.Equal(1, await page.Locator(".article-list li").CountAsync());
        Assert.EndsWith($"/articles/tags/{tag}?page=2", await page.Locator("link[rel=canonical]").GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Contains("page 2", await page.TitleAsync(), StringComparison.Ordinal);

        await browse.VisitAsync($"/articles/tags/{tag}?page=3", "articles-past-the-end", status: 404);
        await browse.VisitAsync("/articles/tags/no-such-topic", "articles-no-topic", status: 404);
    }

    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task Author_page_shows_the_bio_and_their_articles(Screen screen)
    {
        await using var browse = await Browse.OpenAsync(site, screen, output);
        await browse.VisitAsync("/articles/how-running-injuries-can-trigger-lower-back-pain", "article");
        await browse.Page.Locator(".article-meta a").First.ClickAsync();

        await Assertions.Expect(browse.Page.Locator("h1")).ToHaveTextAsync("Amelia Hart");
        await browse.CheckAsync("author");
        Assert.Contains("runners and desk workers", await browse.Page.Locator("main").InnerTextAsync());
        Assert.True(await browse.Page.Locator(".article-list a[href^='/articles/']").CountAsync() >= 3);
    }

    [Theory]
    [InlineData(Screen.Desktop)]
    [InlineData(Screen.Phone)]
    public async Task Search_ranks_results_and_marks_the_words_found(Screen screen)
    {
        await using var browse = await Browse.OpenAsync(site, screen, output);
        await browse.VisitAsync("/", "home");
        var page = browse.Page;

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search articles" }).FillAsync("running injuries");
        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search articles" }).PressAsync("Enter");
        await Assertions.Expect(page.Locator("#results-title")).ToContainTextAsync("for “running injuries”");
        await browse.CheckAsync("search");

        // The article with the words in its title ranks first; its passage marks them.
        Assert.Equal("How Running Injuries Can Trigger Lower Back Pain", await page.Locator(".article-list h3").First.InnerTextAsync());
        var marks = await page.Locator(".article-list .snippet mark").AllInnerTextsAsync();
        Assert.Contains(marks, m => m.StartsWith("injur", StringComparison.OrdinalIgnoreCase) || m.StartsWith("run", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("noindex", await page.Locator("meta[name=robots]").GetAttributeAsync("content"));

        await browse.VisitAsync("/search?q=zzqqxxnothing", "search-no-results");
        await Assertions.Expect(page.Locator("#results-title")).ToHaveTextAsync("No results");
    }
}
