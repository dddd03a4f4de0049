using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Versions;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Declarations;
using DraftingRoom.Web.Tests.Collaboration;
using DraftingRoom.Web.Tests.Infrastructure;
using DraftingRoom.Web.Versions;

namespace DraftingRoom.Web.Tests.Versions;

public sealed class VersionServiceTests(SharedTestApp shared) : IClassFixture<SharedTestApp>
{
    private readonly TestApp _app = shared.App;
    private VersionService Versions => _app.Service<VersionService>();
    private DeclarationService Declarations => _app.Service<DeclarationService>();

    private async Task<(Guid Declaration, Guid[] Articles)> CreateDeclarationAsync()
    {
        var secretariat = await _app.SignInAsAsync(Demo.Secretariat);
        var id = await Declarations.CreateAsync(secretariat, new NewDeclaration($"Versions {Guid.NewGuid():N}", null, null));
        await Declarations.AddProvisionAsync(secretariat, id,
            new NewProvision(ProvisionKind.PreambularParagraph, null, null, "Recalling the Charter of the United Nations,"));
        var articles = new List<Guid>();
        foreach (var (title, text) in new[]
                 {
                     ("Purpose", "1. This declaration sets out the right to international solidarity."),
                     ("Duties of States", "1. States shall cooperate with each other.\n\n2. States shall respect human rights."),
                     ("Follow-up", "The Human Rights Council shall review this declaration."),
                 })
            articles.Add(await Declarations.AddProvisionAsync(secretariat, id, new NewProvision(ProvisionKind.Article, null, title, text)));
        return (id, articles.ToArray());
    }

    [Fact]
    public async Task A_published_version_stays_as_it_was_when_the_text_changes_later()
    {
        var (declarationId, articles) = await CreateDeclarationAsync();
        var expert = await _app.SignInAsAsync(Demo.Expert);

        var v1 = await Versions.PublishAsync(expert, declarationId, new NewVersion("Draft declaration (2027)", "A/HRC/99/1", new DateOnly(2027, 3, 1), null));
        await Declarations.EditProvisionAsync(expert, articles[1],
            new ProvisionEdit("Duties of States", "1. States should cooperate closely with each other.\n\n2. States shall respect human rights.", "Softer wording"));

        var version = await Versions.GetDocumentAsync(expert, declarationId, v1.ToString());
        Assert.Equal("Draft declaration (2027)", version.Label);
        Assert.Equal("1. States shall cooperate with each other.\n\n2. States shall respect human rights.",
            version.Articles.Single(a => a.StableId == articles[1]).Text);
        var list = await Versions.ListAsync(expert, declarationId);
        Assert.Equal(1, Assert.Single(list).Number);
    }

    [Fact]
    public async Task Comparing_with_the_current_text_finds_the_changed_and_the_renumbered_articles()
    {
        var (declarationId, articles) = await CreateDeclarationAsync();
        var expert = await _app.SignInAsAsync(Demo.Expert);
        var v1 = await Versions.PublishAsync(expert, declarationId, new NewVersion("Version one", null, null, null));

        await Declarations.EditProvisionAsync(expert, articles[1],
            new ProvisionEdit("Duties of States", "1. States should cooperate with each other.\n\n2. States shall respect human rights.", "Wording"));
        var inserted = await Declarations.AddProvisionAsync(expert, declarationId,
            new NewProvision(ProvisionKind.Article, null, "Definitions", "For the purposes of this declaration, solidarity means unity."));
        await Declarations.MoveProvisionAsync(expert, inserted, MoveDirection.Up);
        await Declarations.MoveProvisionAsync(expert, inserted, MoveDirection.Up);
        await Declarations.RenumberAsync(expert, declarationId);

        var comparison = await Versions.CompareAsync(expert, declarationId, v1.ToString(), VersionService.Current);

        Assert.True(comparison.HasDifferences);
        Assert.Equal(1, comparison.Summary.ArticlesAdded);
        Assert.True(comparison.Summary.ArticlesRenumbered >= 2);
        var duties = comparison.Provisions.Single(p => p.Match.New.Any(n => n.StableId == articles[1]));
        Assert.True(duties.Match.Is(ArticleMatchKinds.TextChanged | ArticleMatchKinds.Renumbered));
        Assert.Equal("Article 3 (was Article 2)", duties.Label);
        Assert.Equal(1, duties.Text.WordsDeleted);
        Assert.Equal(1, duties.Text.WordsInserted);
    }

    [Fact]
    public async Task Comparing_a_version_with_itself_says_no_differences()
    {
        var (declarationId, _) = await CreateDeclarationAsync();
        var expert = await _app.SignInAsAsync(Demo.Expert);
        var v1 = await Versions.PublishAsync(expert, declarationId, new NewVersion("Only version", null, null, null));

        var comparison = await Versions.CompareAsync(expert, declarationId, v1.ToString(), v1.ToString());

        Assert.False(comparison.HasDifferences);
    }

    [Fact]
    public async Task An_earlier_draft_imported_as_a_version_is_matched_by_number_and_text()
    {
        var (declarationId, _) = await CreateDeclarationAsync();
        var secretariat = await _app.SignInAsAsync(Demo.Secretariat);
        var importer = _app.Service<ImportService>();
        using var file = new MemoryStream("""
            Recalling the Charter of the United Nations,

            Article 1 — Purpose

            1. This declaration sets out the right to international solidarity.

            Article 2 — Duties of States

            1. States shall cooperate with one another.

            2. States shall respect human rights.
            """u8.ToArray());
        var draft = await importer.PreviewAsync(secretariat, "draft-2017.txt", file);

        var v0 = await Versions.ImportAsync(secretariat, declarationId, draft, new NewVersion("Draft declaration (2017)", null, new DateOnly(2017, 4, 1), null));
        var comparison = await Versions.CompareAsync(secretariat, declarationId, v0.ToString(), VersionService.Current);

        Assert.Equal(1, comparison.Summary.ArticlesAdded);
        var duties = comparison.Provisions.Single(p => p.Label.Contains("Article 2"));
        Assert.True(duties.Match.Is(ArticleMatchKinds.TextChanged));
        Assert.Contains(duties.Text.Segments, s => s.Kind == DraftingRoom.Core.Diff.DiffSegmentKind.Deleted && s.Text.Contains("one another"));
    }

    [Theory]
    [InlineData(Demo.Expert, true)]
    [InlineData(Demo.Secretariat, false)]
    [InlineData(Demo.Delegate, false)]
    [InlineData(Demo.Observer, false)]
    [InlineData(Demo.Admin, false)]
    public async Task Only_the_independent_expert_publishes_versions(string email, bool allowed)
    {
        var (declarationId, _) = await CreateDeclarationAsync();
        var user = await _app.SignInAsAsync(email);

        var publish = () => Versions.PublishAsync(user, declarationId, new NewVersion("Attempt", null, null, null));

        if (allowed) await publish();
        else await Assert.ThrowsAsync<AccessDeniedException>(publish);
        Assert.Equal(allowed ? 1 : 0, (await Versions.ListAsync(await _app.SignInAsAsync(Demo.Observer), declarationId)).Count);
    }

    [Fact]
    public async Task The_comparison_downloads_as_word_with_real_tracked_changes()
    {
        var (declarationId, articles) = await CreateDeclarationAsync();
        var expert = await _app.SignInAsAsync(Demo.Expert);
        var v1 = await Versions.PublishAsync(expert, declarationId, new NewVersion("One", null, null, null));
        await Declarations.EditProvisionAsync(expert, articles[0], new ProvisionEdit("Purpose",
            "1. This declaration proclaims the right to international solidarity.", "Stronger verb"));
        using var client = _app.CreateClient(await CollaborationFixture.SignInAsync(_app, Demo.Observer));

        var response = await client.GetAsync($"/declarations/{declarationId}/compare/export/docx?from={v1}&to=current");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var archive = new ZipArchive(await response.Content.ReadAsStreamAsync());
        var xml = await new StreamReader(archive.GetEntry("word/document.xml")!.Open()).ReadToEndAsync();
        Assert.Contains("<w:ins ", xml);
        Assert.Contains("<w:del ", xml);
        Assert.Contains("sets out", xml);
        Assert.Contains("proclaims", xml);
    }

    [Theory]
    [InlineData("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("markdown", "text/markdown")]
    [InlineData("akoma-ntoso", "application/akn+xml")]
    public async Task A_version_downloads_in_each_format(string format, string contentType)
    {
        var (declarationId, _) = await CreateDeclarationAsync();
        var expert = await _app.SignInAsAsync(Demo.Expert);
        var v1 = await Versions.PublishAsync(expert, declarationId, new NewVersion("Draft for download", null, null, null));
        using var client = _app.CreateClient(await CollaborationFixture.SignInAsync(_app, Demo.Delegate));

        var response = await client.GetAsync($"/declarations/{declarationId}/versions/{v1}/export/{format}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith(contentType, response.Content.Headers.ContentType!.ToString());
        Assert.True((await response.Content.ReadAsByteArrayAsync()).Length > 100);
    }

    [Fact]
    public async Task The_json_api_compares_versions_and_is_described_by_openapi()
    {
        var (declarationId, articles) = await CreateDeclarationAsync();
        var expert = await _app.SignInAsAsync(Demo.Expert);
        var v1 = await Versions.PublishAsync(expert, declarationId, new NewVersion("One", null, null, null));
        await Declarations.EditProvisionAsync(expert, articles[2], new ProvisionEdit("Follow-up",
            "The Human Rights Council shall regularly review this declaration.", "Regular review"));
        using var client = _app.CreateClient(await CollaborationFixture.SignInAsync(_app, Demo.Observer));

        var comparison = await client.GetFromJsonAsync<JsonElement>($"/api/declarations/{declarationId}/compare?from={v1}&to=current");
        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.Equal(1, comparison.GetProperty("summary").GetProperty("articlesChanged").GetInt32());
        Assert.Equal(1, comparison.GetProperty("summary").GetProperty("wordsAdded").GetInt32());
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/declarations/{declarationId}/compare", out _));
    }

    [Fact]
    public async Task The_api_refuses_anonymous_callers_and_says_when_something_does_not_exist()
    {
        using var anonymous = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/declarations")).StatusCode);

        using var client = _app.CreateClient(await CollaborationFixture.SignInAsync(_app, Demo.Observer));
        var missing = await client.GetAsync($"/api/declarations/{Guid.NewGuid()}/versions");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("does not exist", await missing.Content.ReadAsStringAsync());
    }
}
