using System.Text.RegularExpressions;

namespace DraftingRoom.E2E.Consultation;

public sealed class ConsultationTests(AppServer app, BrowserHost browser)
{
    private static readonly Regex SampleTitle = new("^Sample: Draft declaration");
    private const string Quoted = "accountability, transparency";
    private const string DelegateComment = "Amaria asks that accountability be named before the other principles.";
    private const string NewSentence = " States shall report each year on the solidarity they give and receive.";

    [Fact]
    public async Task A_comment_and_a_proposal_reach_the_Independent_Expert_live_and_her_decision_reaches_the_delegate_without_a_reload()
    {
        var expert = await OpenSampleAsync(Users.Expert);
        var delegatePage = await OpenSampleAsync(Users.Delegate);
        await delegatePage.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        // 1. A State delegate comments on words of Article 3.
        var delegateArticle = Article3(delegatePage);
        await SelectWordsAsync(delegateArticle, Quoted);
        await delegatePage.GetByRole(AriaRole.Button, new() { Name = "Comment on the selected words in Article 3" }).ClickAsync();
        await Assertions.Expect(delegateArticle.GetByTestId("pending-quote")).ToContainTextAsync(Quoted);
        await delegateArticle.GetByLabel("Your comment", new() { Exact = true }).FillAsync(DelegateComment);
        await delegateArticle.GetByRole(AriaRole.Button, new() { Name = "Post comment", Exact = true }).ClickAsync();
        await Assertions.Expect(delegateArticle.Locator("mark.comment-highlight", new() { HasText = Quoted })).ToBeVisibleAsync();

        // 2. It appears in the Independent Expert's browser, highlighted in the text, without a reload.
        var expertArticle = Article3(expert);
        await Assertions.Expect(expertArticle.Locator("mark.comment-highlight", new() { HasText = Quoted })).ToBeVisibleAsync();
        await expertArticle.Locator("button[data-comments-toggle]").ClickAsync();
        var thread = expertArticle.GetByTestId("comment-thread").Filter(new() { HasText = DelegateComment });
        await Assertions.Expect(thread).ToBeVisibleAsync();
        await Assertions.Expect(thread).ToContainTextAsync("Republic of Amaria");
        await Assertions.Expect(thread.GetByTestId("comment-quote")).ToContainTextAsync(Quoted);

        // A civil society organisation proposes new wording for Article 3 and submits it.
        var society = await OpenSampleAsync(Users.CivilSociety);
        await society.GetByRole(AriaRole.Button, new() { Name = "Propose new wording for Article 3" }).ClickAsync();
        await society.WaitForURLAsync(new Regex("/proposals/"));
        await society.WaitForInteractiveAsync();
        var proposalPath = new Uri(society.Url).PathAndQuery;
        var editor = society.GetByTestId("proposal-editor");
        await Assertions.Expect(editor).ToHaveAttributeAsync("data-connection", "connected");
        await editor.Locator(".cm-content").ClickAsync();
        await society.Keyboard.PressAsync("Control+End");
        await society.Keyboard.TypeAsync(NewSentence, new() { Delay = 5 });
        var documentId = await editor.GetAttributeAsync("data-document-id");
        await WaitUntilSavedAsync(society, documentId!);
        await society.GetByRole(AriaRole.Button, new() { Name = "Submit proposal" }).ClickAsync();
        var dialog = society.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Rationale").FillAsync("Regular reports make solidarity accountable to those it serves.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Submit proposal" }).ClickAsync();
        await Assertions.Expect(society.GetByTestId("proposal-status")).ToContainTextAsync("Submitted");

        // 2. The submitted proposal appears live under Article 3 in the Independent Expert's browser.
        var listed = expertArticle.Locator(".article-proposals li").Filter(new() { HasText = "New wording for Article 3" });
        await Assertions.Expect(listed).ToContainTextAsync("Submitted");

        // 3. A second State endorses the proposal.
        var serrania = await browser.NewPageAsync();
        await serrania.SignInAsync(app.BaseAddress, Users.SecondDelegate);
        await serrania.GoToAsync(app.BaseAddress, proposalPath);
        await serrania.GetByRole(AriaRole.Button, new() { Name = "Endorse on behalf of Republic of Serrania" }).ClickAsync();
        await Assertions.Expect(serrania.GetByTestId("endorsements")).ToContainTextAsync("Republic of Serrania");

        // 4. The Independent Expert accepts it.
        await listed.GetByRole(AriaRole.Link).ClickAsync();
        await expert.WaitForURLAsync(new Regex("/proposals/"));
        await expert.WaitForInteractiveAsync();
        await Assertions.Expect(expert.GetByTestId("endorsements")).ToContainTextAsync("Republic of Serrania");
        await expert.GetByRole(AriaRole.Link, new() { Name = "Decide" }).Or(expert.GetByRole(AriaRole.Button, new() { Name = "Decide" })).ClickAsync();
        await expert.WaitForURLAsync(new Regex("/decide"));
        await expert.WaitForInteractiveAsync();
        await expert.GetByLabel("Decision note").FillAsync("Accepted: reporting strengthens accountability.");
        await expert.GetByRole(AriaRole.Button, new() { Name = "Accept", Exact = true }).ClickAsync();
        await expert.WaitForURLAsync(url => !url.Contains("/decide"));
        await Assertions.Expect(expert.GetByTestId("decision")).ToContainTextAsync("Accepted");

        // 5. Without a reload, the delegate sees the new official text and the notification.
        await Assertions.Expect(delegateArticle.Locator(".article-paragraph").Last).ToContainTextAsync(NewSentence.Trim());
        await Assertions.Expect(delegatePage.GetByTestId("notification-count")).Not.ToHaveTextAsync(new Regex("^0?$"));
        Assert.True(await delegatePage.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));

        // 6. Her comment still points at the words she chose.
        await Assertions.Expect(delegateArticle.Locator("mark.comment-highlight", new() { HasText = Quoted })).ToBeVisibleAsync();
        await delegatePage.ScreenshotAsync(new() { Path = Artifacts.PathFor("consultation-delegate.png") });
        await expert.ScreenshotAsync(new() { Path = Artifacts.PathFor("consultation-decided.png"), FullPage = true });
    }

    private async Task<IPage> OpenSampleAsync(string email)
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, email);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = SampleTitle }).ClickAsync();
        await page.WaitForInteractiveAsync();
        return page;
    }

    private static ILocator Article3(IPage page) =>
        page.GetByTestId("article").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Article 3\\b") }) });

    /// <summary>Selects the words in the article's text as a mouse drag would.</summary>
    private static async Task SelectWordsAsync(ILocator article, string words)
    {
        var selected = await article.EvaluateAsync<string>(
            """
            (article, words) => {
              for (const paragraph of article.querySelectorAll('.article-paragraph')) {
                const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                  const at = node.data.indexOf(words);
                  if (at < 0) continue;
                  const range = document.createRange();
                  range.setStart(node, at);
                  range.setEnd(node, at + words.length);
                  const selection = window.getSelection();
                  selection.removeAllRanges();
                  selection.addRange(range);
                  return selection.toString();
                }
              }
              return '';
            }
            """, words);
        Assert.Equal(words, selected);
    }

    private static async Task WaitUntilSavedAsync(IPage page, string documentId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (await page.EvaluateAsync<string>("id => window.draftingRoomEditors[id].getState()", documentId) != "synchronized")
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The proposal's text was not saved.");
            await Task.Delay(100);
        }
    }
}
