using System.Text;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Declarations;
using DraftingRoom.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Tests.Declarations;

public sealed class ImportServiceTests(SharedTestApp shared) : IClassFixture<SharedTestApp>
{
    private readonly TestApp _app = shared.App;
    private ImportService Importer => _app.Service<ImportService>();

    private const string Draft = """
        # Draft declaration on the right to international solidarity

        *Recalling* the Charter of the United Nations,

        *Reaffirming* the Universal Declaration of Human Rights,

        ## Article 1 — The right to international solidarity

        1. International solidarity is a human right.

        2. Everyone is entitled to it.

        ## Article 2 — Duties of States

        States shall cooperate.
        """;

    private static MemoryStream File(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task A_markdown_draft_is_previewed_then_saved_with_its_preamble_and_articles()
    {
        var secretariat = await _app.SignInAsAsync(Demo.Secretariat);

        var preview = await Importer.PreviewAsync(secretariat, "draft.md", File(Draft));
        Assert.Equal(2, preview.Preamble.Count());
        Assert.Equal(["1", "2"], preview.Articles.Select(a => a.Number));

        var id = await Importer.SaveAsync(secretariat, preview, "Imported draft", "A/HRC/35/35");
        var view = await _app.Service<DeclarationService>().GetAsync(secretariat, id);
        Assert.Equal("A/HRC/35/35", view.Symbol);
        Assert.Equal(2, view.Preamble.Count);
        Assert.Equal("The right to international solidarity", view.Articles[0].Title);
        Assert.Equal(2, view.Articles[0].Paragraphs.Count);
        Assert.Equal(1, view.Articles[0].Revision);
    }

    [Fact]
    public async Task A_file_that_cannot_be_parsed_gets_a_message_naming_where_and_saves_nothing()
    {
        var secretariat = await _app.SignInAsAsync(Demo.Secretariat);
        var before = await CountAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Importer.PreviewAsync(secretariat, "notes.md", File("Just some notes.\n\nNo articles here.")));

        Assert.Contains("Nothing was imported", error.Message);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused()
    {
        var secretariat = await _app.SignInAsAsync(Demo.Secretariat);
        var huge = new MemoryStream(new byte[Importer.MaxUploadBytes + 1]);

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Importer.PreviewAsync(secretariat, "big.md", huge));

        Assert.Contains("10 MB", error.Message);
    }

    [Fact]
    public async Task An_unsupported_file_kind_is_refused_with_the_kinds_that_work()
    {
        var secretariat = await _app.SignInAsAsync(Demo.Secretariat);

        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            Importer.PreviewAsync(secretariat, "draft.pdf", File("%PDF-1.7")));

        Assert.Contains(".docx", error.Message);
    }

    [Fact]
    public async Task An_import_is_all_or_nothing()
    {
        var secretariat = await _app.SignInAsAsync(Demo.Secretariat);
        var before = await CountAsync();
        var draft = new DraftDocument("Broken", [
            new DraftProvision(ProvisionKind.PreambularParagraph, null, null, "Recalling the Charter,", 1),
            new DraftProvision(ProvisionKind.Article, "1", null, "Fine.", 3),
            new DraftProvision(ProvisionKind.Article, "2", null, new string('x', 20_001), 5),
        ]);

        await Assert.ThrowsAsync<InvalidInputException>(() => Importer.SaveAsync(secretariat, draft, "Broken", null));

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_database_failure_midway_leaves_nothing_behind()
    {
        var secretariat = await _app.SignInAsAsync(Demo.Secretariat);
        var before = await CountAsync();
        // An article number longer than its column passes validation here but the database refuses it.
        var draft = new DraftDocument("Broken", [
            new DraftProvision(ProvisionKind.Article, "1", null, "Fine.", 1),
            new DraftProvision(ProvisionKind.Article, new string('9', 25), null, "Also fine.", 3),
        ]);

        await Assert.ThrowsAnyAsync<Exception>(() => Importer.SaveAsync(secretariat, draft, "Broken", null));

        Assert.Equal(before, await CountAsync());
    }

    private async Task<(int, int, int, int)> CountAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DraftingRoomDbContext>();
        return (await db.Declarations.CountAsync(), await db.Articles.CountAsync(), await db.ArticleRevisions.CountAsync(),
            await db.AuditEvents.CountAsync());
    }
}
