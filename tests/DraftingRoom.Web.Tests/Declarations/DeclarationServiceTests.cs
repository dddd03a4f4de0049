using DraftingRoom.Core.Drafting;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Declarations;
using DraftingRoom.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Tests.Declarations;

public sealed class DeclarationServiceTests(SharedTestApp shared) : IClassFixture<SharedTestApp>
{
    private readonly TestApp _app = shared.App;
    private DeclarationService Declarations => _app.Service<DeclarationService>();

    private async Task<(Guid Declaration, Guid[] Articles)> CreateDeclarationAsync(int articles = 3)
    {
        var secretariat = await _app.SignInAsAsync(Demo.Secretariat);
        var id = await Declarations.CreateAsync(secretariat, new NewDeclaration($"Test {Guid.NewGuid():N}", null, null));
        var ids = new Guid[articles];
        for (var i = 0; i < articles; i++)
            ids[i] = await Declarations.AddProvisionAsync(secretariat, id,
                new NewProvision(ProvisionKind.Article, null, $"Title {i + 1}", $"1. Text of article {i + 1}.\n\n2. Second paragraph."));
        return (id, ids);
    }

    [Fact]
    public async Task Editing_an_articles_text_adds_a_revision_with_author_and_reason()
    {
        var (declarationId, articles) = await CreateDeclarationAsync();
        var expert = await _app.SignInAsAsync(Demo.Expert);

        var revision = await Declarations.EditProvisionAsync(expert, articles[0],
            new ProvisionEdit("Title 1", "1. States shall cooperate.\n\n2. Second paragraph.", "Stronger wording"));

        Assert.Equal(2, revision);
        var history = await Declarations.GetHistoryAsync(expert, articles[0]);
        Assert.Equal([2, 1], history.Select(h => h.Number));
        Assert.Equal("Stronger wording", history[0].Reason);
        Assert.Equal("Dr. Amara Okafor, Independent Expert", history[0].AuthorName);
        Assert.Equal("1. States shall cooperate.\n\n2. Second paragraph.", history[0].Text);
        var view = await Declarations.GetAsync(expert, declarationId);
        Assert.Equal(history[0].Text, view.Articles[0].Text);
    }

    [Fact]
    public async Task Every_change_writes_an_audit_event()
    {
        var (_, articles) = await CreateDeclarationAsync(1);
        var expert = await _app.SignInAsAsync(Demo.Expert);

        await Declarations.EditProvisionAsync(expert, articles[0], new ProvisionEdit(null, "New text.", "Editorial"));

        await using var scope = _app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DraftingRoomDbContext>();
        var events = await db.AuditEvents.Where(e => e.EntityId == articles[0].ToString()).OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["article.added", "article.revised"], events.Select(e => e.Action));
        Assert.Equal(Demo.Expert, events[1].UserName);
    }

    [Fact]
    public async Task An_article_text_over_the_limit_is_refused_and_the_text_stays_as_it_was()
    {
        var (declarationId, articles) = await CreateDeclarationAsync(1);
        var expert = await _app.SignInAsAsync(Demo.Expert);

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => Declarations.EditProvisionAsync(expert, articles[0],
            new ProvisionEdit(null, new string('a', 20_001), "Too long")));

        Assert.Contains("20,000", error.Message);
        var view = await Declarations.GetAsync(expert, declarationId);
        Assert.Equal("1. Text of article 1.\n\n2. Second paragraph.", view.Articles[0].Text);
        Assert.Single(await Declarations.GetHistoryAsync(expert, articles[0]));
    }

    [Fact]
    public async Task An_edit_without_a_reason_is_refused()
    {
        var (_, articles) = await CreateDeclarationAsync(1);
        var expert = await _app.SignInAsAsync(Demo.Expert);

        await Assert.ThrowsAsync<InvalidInputException>(() =>
            Declarations.EditProvisionAsync(expert, articles[0], new ProvisionEdit(null, "Changed.", "  ")));
    }

    [Fact]
    public async Task Moving_and_renumbering_keep_each_articles_stable_id()
    {
        var (declarationId, articles) = await CreateDeclarationAsync();
        var secretariat = await _app.SignInAsAsync(Demo.Secretariat);

        await Declarations.MoveProvisionAsync(secretariat, articles[2], MoveDirection.Up);
        var moved = await Declarations.GetAsync(secretariat, declarationId);
        Assert.Equal([articles[0], articles[2], articles[1]], moved.Articles.Select(a => a.Id));
        Assert.Equal(["1", "3", "2"], moved.Articles.Select(a => a.Number));

        await Declarations.RenumberAsync(secretariat, declarationId);
        var renumbered = await Declarations.GetAsync(secretariat, declarationId);
        Assert.Equal([articles[0], articles[2], articles[1]], renumbered.Articles.Select(a => a.Id));
        Assert.Equal(["1", "2", "3"], renumbered.Articles.Select(a => a.Number));
        Assert.Equal("Title 3", renumbered.Articles[1].Title);
    }

    [Fact]
    public async Task An_article_can_be_given_a_number_such_as_bis_but_not_a_duplicate()
    {
        var (declarationId, articles) = await CreateDeclarationAsync();
        var secretariat = await _app.SignInAsAsync(Demo.Secretariat);

        await Declarations.SetNumberAsync(secretariat, articles[2], "2 bis");
        await Assert.ThrowsAsync<InvalidInputException>(() => Declarations.SetNumberAsync(secretariat, articles[1], "1"));

        var view = await Declarations.GetAsync(secretariat, declarationId);
        Assert.Equal(["1", "2", "2 bis"], view.Articles.Select(a => a.Number));
    }

    [Fact]
    public async Task A_deleted_article_leaves_the_reading_view_but_keeps_its_history()
    {
        var (declarationId, articles) = await CreateDeclarationAsync();
        var secretariat = await _app.SignInAsAsync(Demo.Secretariat);

        await Declarations.DeleteProvisionAsync(secretariat, articles[1]);

        var view = await Declarations.GetAsync(secretariat, declarationId);
        Assert.Equal([articles[0], articles[2]], view.Articles.Select(a => a.Id));
        Assert.Single(await Declarations.GetHistoryAsync(secretariat, articles[1]));
    }

    [Fact]
    public async Task Two_editors_saving_the_same_article_at_once_do_not_lose_a_revision()
    {
        var (declarationId, articles) = await CreateDeclarationAsync(1);
        var expert = await _app.SignInAsAsync(Demo.Expert);
        var secretariat = await _app.SignInAsAsync(Demo.Secretariat);

        var results = await Task.WhenAll(
            Attempt(() => Declarations.EditProvisionAsync(expert, articles[0], new ProvisionEdit(null, "Text by the expert.", "A"))),
            Attempt(() => Declarations.EditProvisionAsync(secretariat, articles[0], new ProvisionEdit(null, "Text by the secretariat.", "B"))));

        var history = await Declarations.GetHistoryAsync(expert, articles[0]);
        var view = await Declarations.GetAsync(expert, declarationId);
        // Either both were saved one after the other, or the second was refused as a conflict: never a silent overwrite.
        Assert.Equal(1 + results.Count(r => r), history.Count);
        Assert.Equal(history[0].Text, view.Articles[0].Text);

        static async Task<bool> Attempt(Func<Task> edit)
        {
            try
            {
                await edit();
                return true;
            }
            catch (ConflictException)
            {
                return false;
            }
        }
    }

    [Fact]
    public async Task The_sample_declaration_has_a_preamble_and_at_least_ten_articles_of_several_paragraphs()
    {
        var delegateUser = await _app.SignInAsAsync(Demo.Delegate);

        var sample = Assert.Single(await Declarations.ListAsync(delegateUser), d => d.IsSample);
        var view = await Declarations.GetAsync(delegateUser, sample.Id);

        Assert.StartsWith("Sample", view.Title);
        Assert.True(view.Preamble.Count >= 5);
        Assert.True(view.Articles.Count >= 10);
        Assert.All(view.Articles, a => Assert.True(a.Paragraphs.Count >= 2, $"Article {a.Number} has one paragraph"));
    }
}
