using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CultureHealth.Content.Application;
using CultureHealth.Contracts;

namespace CultureHealth.Content.Tests.Api;

public sealed class PublicArticleTests(ContentServiceFixture host) : IClassFixture<ContentServiceFixture>
{
    private readonly HttpClient _public = host.Service.CreateClient();
    private readonly HttpClient _editor = host.Service.Editor();

    [Fact]
    public async Task Seeded_running_article_is_served_with_safe_html_author_and_call_to_action()
    {
        var article = await _public.GetFromJsonAsync<ArticleDto>("/api/content/articles/how-running-injuries-can-trigger-lower-back-pain");
        Assert.Equal("How Running Injuries Can Trigger Lower Back Pain", article!.Title);
        Assert.Contains("<h2>Common culprits</h2>", article.BodyHtml, StringComparison.Ordinal);
        Assert.Equal("Amelia Hart", article.Author.Name);
        Assert.Equal("initial-assessment", article.CallToAction!.AppointmentTypeCode);
        Assert.Equal(["running", "back-pain"], article.Tags);
        Assert.True(article.ReadingTimeMinutes >= 1);
        HtmlAssert.Inert(article.BodyHtml);

        var tags = await _public.GetFromJsonAsync<List<TagDto>>("/api/content/tags");
        Assert.Contains(tags!, t => t.Name == "back-pain" && t.ArticleCount >= 3);
    }

    [Fact]
    public async Task Only_published_articles_are_visible()
    {
        var tag = ContentApi.Unique("vis");
        var draft = await _editor.CreateAsync(ContentApi.Article("Draft " + tag, tags: [tag]));
        var scheduled = await _editor.CreateAsync(ContentApi.Article("Scheduled " + tag, tags: [tag]));
        await _editor.ActAsync(scheduled.Id, "schedule", new { publishAt = DateTimeOffset.UtcNow.AddDays(3) });
        var archived = await _editor.PublishAsync(ContentApi.Article("Archived " + tag, tags: [tag]));
        await _editor.ActAsync(archived.Id, "archive");
        var live = await _editor.PublishAsync(ContentApi.Article("Live " + tag, tags: [tag]));

        foreach (var hidden in new[] { draft, scheduled, archived })
        {
            using var response = await _public.GetAsync($"/api/content/articles/{hidden.Slug}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            using var comments = await _public.GetAsync($"/api/content/articles/{hidden.Slug}/comments");
            Assert.Equal(HttpStatusCode.NotFound, comments.StatusCode);
        }
        var list = await _public.GetFromJsonAsync<PageDto<ArticleSummaryDto>>($"/api/content/articles?tag={tag}");
        Assert.Equal([live.Slug], list!.Items.Select(a => a.Slug));

        // Publishing evicts the cached list and page.
        await _editor.ActAsync(draft.Id, "publish");
        list = await _public.GetFromJsonAsync<PageDto<ArticleSummaryDto>>($"/api/content/articles?tag={tag}");
        Assert.Equal(2, list!.TotalCount);
        using var nowLive = await _public.GetAsync($"/api/content/articles/{draft.Slug}");
        Assert.Equal(HttpStatusCode.OK, nowLive.StatusCode);
    }

    [Fact]
    public async Task Publishing_raises_ArticlePublished_once()
    {
        var article = await _editor.PublishAsync(ContentApi.Article(ContentApi.Unique("Event ")));
        using var again = await _editor.PostAsJsonAsync($"/manage/content/articles/{article.Id}/publish", new { });
        await again.ProblemAsync(HttpStatusCode.Conflict);
        Assert.Single(await host.Service.OutboxAsync<ArticlePublished>(article.Id));
    }

    [Fact]
    public async Task Changing_the_slug_redirects_the_old_one_permanently()
    {
        var title = ContentApi.Unique("Knee pain after squats ");
        var article = await _editor.PublishAsync(ContentApi.Article(title));
        var newSlug = ContentApi.Unique("knee-pain-");
        using (var update = await _editor.PutAsJsonAsync($"/manage/content/articles/{article.Id}", ContentApi.Article(title, slug: newSlug)))
        {
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
            var updated = await update.Content.ReadFromJsonAsync<StaffArticleDto>();
            Assert.Equal([article.Slug], updated!.OldSlugs);
        }

        using var noRedirects = host.Service.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var old = await noRedirects.GetAsync($"/api/content/articles/{article.Slug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal($"/api/content/articles/{newSlug}", old.Headers.Location!.OriginalString);
        using var current = await noRedirects.GetAsync($"/api/content/articles/{newSlug}");
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);

        // Another article may not take the old slug: its links still belong to the first article.
        using var clash = await _editor.PostAsJsonAsync("/manage/content/articles", ContentApi.Article("Other", slug: article.Slug));
        await clash.ProblemAsync(HttpStatusCode.Conflict);

        // Going back to the first slug makes it current again and redirects the second one.
        using (var back = await _editor.PutAsJsonAsync($"/manage/content/articles/{article.Id}", ContentApi.Article(title, slug: article.Slug)))
        {
            var reverted = await back.Content.ReadFromJsonAsync<StaffArticleDto>();
            Assert.Equal(article.Slug, reverted!.Slug);
            Assert.Equal([newSlug], reverted.OldSlugs);
        }
        using var original = await noRedirects.GetAsync($"/api/content/articles/{article.Slug}");
        Assert.Equal(HttpStatusCode.OK, original.StatusCode);
        using var second = await noRedirects.GetAsync($"/api/content/articles/{newSlug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, second.StatusCode);
    }

    [Fact]
    public async Task Same_title_gets_a_numbered_slug()
    {
        var title = ContentApi.Unique("Shin splints ");
        var first = await _editor.CreateAsync(ContentApi.Article(title));
        var second = await _editor.CreateAsync(ContentApi.Article(title));
        Assert.Equal(first.Slug + "-2", second.Slug);
    }

    [Fact]
    public async Task Search_finds_by_words_and_ranks_title_matches_first()
    {
        var word = ContentApi.Unique("tendinopathy").ToLowerInvariant();
        var inBody = await _editor.PublishAsync(ContentApi.Article("Loading programmes", body: $"A note on {word} and loading. More {word} detail here."));
        var inTitle = await _editor.PublishAsync(ContentApi.Article($"Understanding {word}", body: "Loading helps tendons adapt."));
        await _editor.PublishAsync(ContentApi.Article("Unrelated article", body: "Nothing to see."));

        var results = await _public.GetFromJsonAsync<PageDto<ArticleSummaryDto>>($"/api/content/articles?q={word}");
        Assert.Equal([inTitle.Slug, inBody.Slug], results!.Items.Select(a => a.Slug));

        // English stemming: "running injuries" finds the seeded "Running Injuries" article; junk syntax is not an error.
        var stemmed = await _public.GetFromJsonAsync<PageDto<ArticleSummaryDto>>("/api/content/articles?q=runs%20injury");
        Assert.Contains(stemmed!.Items, a => a.Slug == "how-running-injuries-can-trigger-lower-back-pain");
        using var junk = await _public.GetAsync("/api/content/articles?q=%22%27%26%7C!(:*");
        Assert.Equal(HttpStatusCode.OK, junk.StatusCode);
    }

    [Fact]
    public async Task Search_results_carry_a_snippet_with_the_matched_words_marked_and_everything_else_escaped()
    {
        var word = ContentApi.Unique("plantar").ToLowerInvariant();
        var article = await _editor.PublishAsync(ContentApi.Article("Heel pain",
            body: $"Morning heel pain is **often** {word} fasciitis. <script>alert(1)</script> Calf stretches help with {word} pain."));

        var results = await _public.GetFromJsonAsync<PageDto<ArticleSummaryDto>>($"/api/content/articles?q={word}");
        var hit = Assert.Single(results!.Items);
        Assert.Equal(article.Slug, hit.Slug);
        Assert.NotNull(hit.SnippetHtml);
        Assert.Contains($"<mark>{word}</mark>", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", hit.SnippetHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("**", hit.SnippetHtml, StringComparison.Ordinal);
        HtmlAssert.Inert(hit.SnippetHtml);

        // Lists without a query have no snippets: only search results do.
        var list = await _public.GetFromJsonAsync<PageDto<ArticleSummaryDto>>("/api/content/articles");
        Assert.All(list!.Items, a => Assert.Null(a.SnippetHtml));
    }

    [Theory]
    [MemberData(nameof(HtmlAssert.AttackStrings), MemberType = typeof(HtmlAssert))]
    public async Task Search_snippets_stay_inert_whatever_the_article_says(string attack)
    {
        var word = ContentApi.Unique("snippet").ToLowerInvariant();
        await _editor.PublishAsync(ContentApi.Article("Snippet " + word, body: $"{word} {attack} {word}"));

        var results = await _public.GetFromJsonAsync<PageDto<ArticleSummaryDto>>($"/api/content/articles?q={word}");
        var hit = Assert.Single(results!.Items);
        HtmlAssert.Inert(hit.SnippetHtml!);
    }

    [Fact]
    public async Task Articles_can_be_listed_by_author()
    {
        var amelia = Guid.Parse("6f1c2a60-1d1b-4c38-9d55-0c8f1f0a0001");
        var list = await _public.GetFromJsonAsync<PageDto<ArticleSummaryDto>>($"/api/content/articles?author={amelia}&pageSize=50");
        Assert.NotEmpty(list!.Items);
        Assert.All(list.Items, a => Assert.Equal(amelia, a.Author.Id));

        var nobody = await _public.GetFromJsonAsync<PageDto<ArticleSummaryDto>>($"/api/content/articles?author={Guid.NewGuid()}");
        Assert.Equal(0, nobody!.TotalCount);
    }

    [Fact]
    public async Task Search_pages_count_every_match_and_combine_with_a_tag()
    {
        var word = ContentApi.Unique("spondylolisthesis").ToLowerInvariant();
        var tag = ContentApi.Unique("spine").ToLowerInvariant();
        await _editor.PublishAsync(ContentApi.Article($"First {word}", tags: [tag]));
        await _editor.PublishAsync(ContentApi.Article("Second", body: $"About {word}.", tags: [tag]));
        await _editor.PublishAsync(ContentApi.Article("Third", body: $"Also about {word}."));
        await _editor.CreateAsync(ContentApi.Article($"Draft {word}"));

        async Task<PageDto<ArticleSummaryDto>> Search(string query) =>
            (await _public.GetFromJsonAsync<PageDto<ArticleSummaryDto>>($"/api/content/articles?{query}"))!;

        var first = await Search($"q={word}&pageSize=2");
        var second = await Search($"q={word}&pageSize=2&page=2");
        var beyond = await Search($"q={word}&pageSize=2&page=3");
        var tagged = await Search($"q={word}&tag={tag.ToUpperInvariant()}");

        Assert.Equal((3, 2), (first.TotalCount, first.Items.Count));
        Assert.Equal((3, 1), (second.TotalCount, second.Items.Count));
        Assert.Equal((3, 0), (beyond.TotalCount, beyond.Items.Count));
        Assert.Empty(first.Items.Select(a => a.Slug).Intersect(second.Items.Select(a => a.Slug)));
        Assert.Equal(2, tagged.TotalCount);
        Assert.All(tagged.Items, a => Assert.Contains(tag, a.Tags));
        Assert.Equal($"First {word}", first.Items[0].Title, ignoreCase: true);
    }

    [Fact]
    public async Task Lists_newest_first_in_pages()
    {
        var tag = ContentApi.Unique("page");
        var slugs = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            slugs.Add((await _editor.PublishAsync(ContentApi.Article($"Paged {tag} {i}", tags: [tag]))).Slug);
        }
        var first = await _public.GetFromJsonAsync<PageDto<ArticleSummaryDto>>($"/api/content/articles?tag={tag}&pageSize=2");
        var second = await _public.GetFromJsonAsync<PageDto<ArticleSummaryDto>>($"/api/content/articles?tag={tag}&pageSize=2&page=2");
        Assert.Equal(3, first!.TotalCount);
        Assert.Equal(2, first.TotalPages);
        Assert.Equal([slugs[2], slugs[1]], first.Items.Select(a => a.Slug));
        Assert.Equal([slugs[0]], second!.Items.Select(a => a.Slug));
    }

    [Theory]
    [InlineData("/api/content/articles?page=0", "page")]
    [InlineData("/api/content/articles?pageSize=1000", "pageSize")]
    [InlineData("/api/content/articles?pageSize=0", "pageSize")]
    [InlineData("/manage/content/comments?status=nonsense", "status")]
    public async Task Bad_query_is_a_problem_naming_the_field(string url, string field)
    {
        using var response = await _editor.GetAsync(url);
        (await response.ProblemAsync(HttpStatusCode.BadRequest)).AssertNamesField(field);
    }

    [Fact]
    public async Task Unparseable_query_value_is_a_bad_request_not_a_server_error()
    {
        using var response = await _public.GetAsync("/api/content/articles?page=abc");
        await response.ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Bad_article_input_is_a_problem_naming_each_field()
    {
        using var response = await _editor.PostAsJsonAsync("/manage/content/articles", new
        {
            title = "", bodyMarkdown = (string?)null, authorId = Guid.Empty, slug = "Not A Slug", featuredImageUrl = "javascript:alert(1)",
            tags = Enumerable.Range(0, 20).Select(i => $"t{i}").ToArray(),
        });
        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "title", "bodyMarkdown", "authorId", "slug", "featuredImageUrl", "tags" })
        {
            problem.AssertNamesField(field);
        }

        using var unknownAuthor = await _editor.PostAsJsonAsync("/manage/content/articles", 
            new { title = "Fine", bodyMarkdown = "Fine", authorId = Guid.NewGuid() });
        (await unknownAuthor.ProblemAsync(HttpStatusCode.BadRequest)).AssertNamesField("authorId");

        using var malformed = await _editor.PostAsync("/manage/content/articles", new StringContent("{\"title\": 12, ", System.Text.Encoding.UTF8, "application/json"));
        await malformed.ProblemAsync(HttpStatusCode.BadRequest);

        using var pastSchedule = await _editor.PostAsJsonAsync($"/manage/content/articles/{(await _editor.CreateAsync(ContentApi.Article("Past"))).Id}/schedule",
            new { publishAt = DateTimeOffset.UtcNow.AddHours(-1) });
        await pastSchedule.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Unknown_author_is_refused_like_the_other_field_checks_before_the_article_is_looked_up()
    {
        var article = await _editor.CreateAsync(ContentApi.Article(ContentApi.Unique("Author check ")));
        var nobody = new { title = "Fine", bodyMarkdown = "Fine", authorId = Guid.NewGuid() };
        var attempts = new Func<Task<HttpResponseMessage>>[]
        {
            () => _editor.PostAsJsonAsync("/manage/content/articles", nobody),
            () => _editor.PutAsJsonAsync($"/manage/content/articles/{article.Id}", nobody),
            // A missing article with an unknown author: the author is checked first, as before the article is looked up.
            () => _editor.PutAsJsonAsync($"/manage/content/articles/{Guid.NewGuid()}", nobody),
        };
        foreach (var attempt in attempts)
        {
            using var response = await attempt();
            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal("The request has invalid fields", problem.GetProperty("title").GetString());
            problem.AssertNamesField("authorId");
        }
        Assert.Equal(article.Title, (await _editor.GetFromJsonAsync<StaffArticleDto>($"/manage/content/articles/{article.Id}"))!.Title);
    }

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task Attack_strings_in_article_markdown_are_inert_through_the_api(string attack)
    {
        var article = await _editor.PublishAsync(ContentApi.Article(ContentApi.Unique("Xss "), body: "Intro\n\n" + attack + "\n\nOutro"));
        var served = await _public.GetFromJsonAsync<ArticleDto>($"/api/content/articles/{article.Slug}");
        HtmlAssert.Inert(served!.BodyHtml);
    }

    public static TheoryData<string> Attacks => HtmlAssert.AttackStrings;

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(CultureHealth.ServiceDefaults.Auth.StaffRoles.ShopManager, HttpStatusCode.Forbidden)]
    [InlineData(CultureHealth.ServiceDefaults.Auth.StaffRoles.Reception, HttpStatusCode.Forbidden)]
    [InlineData(CultureHealth.ServiceDefaults.Auth.StaffRoles.Editor, HttpStatusCode.OK)]
    [InlineData(CultureHealth.ServiceDefaults.Auth.StaffRoles.Admin, HttpStatusCode.OK)]
    public async Task Staff_endpoints_need_the_editor_or_admin_role(string? role, HttpStatusCode expected)
    {
        using var client = host.Service.CreateClient(role is null ? null : CultureHealth.Testing.TestStaff.TokenFor(role));
        foreach (var url in new[] { "/manage/content/articles", "/manage/content/comments" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(expected, response.StatusCode);
        }
        using var write = await client.PostAsJsonAsync("/manage/content/articles", ContentApi.Article(ContentApi.Unique("Auth ")));
        Assert.Equal(expected == HttpStatusCode.OK ? HttpStatusCode.Created : expected, write.StatusCode);
    }

    [Fact]
    public async Task Staff_list_filters_by_status()
    {
        var draft = await _editor.CreateAsync(ContentApi.Article(ContentApi.Unique("Listed ")));
        var drafts = await _editor.GetFromJsonAsync<JsonElement>("/manage/content/articles?status=draft&pageSize=50");
        Assert.Contains(drafts.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == draft.Id);
        Assert.All(drafts.GetProperty("items").EnumerateArray(), a => Assert.Equal("draft", a.GetProperty("status").GetString()));
        using var bad = await _editor.GetAsync("/manage/content/articles?status=live");
        (await bad.ProblemAsync(HttpStatusCode.BadRequest)).AssertNamesField("status");
    }
}
