using System.Text.RegularExpressions;

namespace DraftingRoom.E2E.Proposals;

public sealed class CoEditingTests(AppServer app, BrowserHost browser)
{
    private static readonly Regex SampleTitle = new("^Sample: Draft declaration");

    [Fact]
    public async Task Two_sponsors_type_into_one_proposal_at_once_and_a_colleague_watches_the_same_text()
    {
        // A civil society organisation opens a proposal on Article 2 and invites a State delegate.
        var author = await browser.NewPageAsync();
        await author.SignInAsync(app.BaseAddress, Users.CivilSociety);
        await author.GetByRole(AriaRole.Link, new() { NameRegex = SampleTitle }).ClickAsync();
        await author.WaitForInteractiveAsync();
        await author.GetByRole(AriaRole.Button, new() { Name = "Propose new wording for Article 2" }).ClickAsync();
        await author.WaitForURLAsync(new Regex("/proposals/"));
        await author.WaitForInteractiveAsync();
        await author.GetByRole(AriaRole.Button, new() { Name = "Invite a co-sponsor" }).ClickAsync();
        await author.GetByLabel("Name or organisation").FillAsync("Amaria");
        await author.GetByRole(AriaRole.Button, new() { Name = "Invite Kofi Mensah, delegate of Amaria" }).ClickAsync();
        await Assertions.Expect(author.GetByTestId("sponsors")).ToContainTextAsync("Kofi Mensah");
        var proposalUrl = author.Url;

        var coSponsor = await browser.NewPageAsync();
        await coSponsor.SignInAsync(app.BaseAddress, Users.Delegate);
        await coSponsor.GoToAsync(app.BaseAddress, new Uri(proposalUrl).PathAndQuery);
        var watcher = await browser.NewPageAsync();
        await watcher.SignInAsync(app.BaseAddress, Users.DelegateColleague);
        await watcher.GoToAsync(app.BaseAddress, new Uri(proposalUrl).PathAndQuery);

        var authorEditor = await EditorAsync(author);
        var coSponsorEditor = await EditorAsync(coSponsor);
        await EditorAsync(watcher);
        await Assertions.Expect(watcher.GetByText("You are watching this draft live.")).ToBeVisibleAsync();
        await Assertions.Expect(watcher.Locator(".cm-content")).ToHaveAttributeAsync("contenteditable", "false");
        await Assertions.Expect(author.GetByTestId("presence")).ToContainTextAsync("Kofi Mensah");
        await Assertions.Expect(author.GetByTestId("presence")).ToContainTextAsync("watching");

        // Both type at once: at the start of the text (the same spot) and at the end.
        await authorEditor.ClickAsync();
        await coSponsorEditor.ClickAsync();
        await author.Keyboard.PressAsync("Control+Home");
        await coSponsor.Keyboard.PressAsync("Control+Home");
        await Task.WhenAll(
            author.Keyboard.TypeAsync("Solidarity first. ", new() { Delay = 15 }),
            coSponsor.Keyboard.TypeAsync("Amaria proposes: ", new() { Delay = 15 }));
        await author.Keyboard.PressAsync("Control+End");
        await coSponsor.Keyboard.PressAsync("Control+End");
        await Task.WhenAll(
            author.Keyboard.TypeAsync(" Civil society shall be heard.", new() { Delay = 10 }),
            coSponsor.Keyboard.TypeAsync(" States shall cooperate.", new() { Delay = 10 }));

        var documentId = await authorEditor.GetAttributeAsync("data-document-id")
            ?? await author.GetByTestId("proposal-editor").GetAttributeAsync("data-document-id");
        var texts = await WaitForSameTextAsync([author, coSponsor, watcher], documentId!);
        Assert.Contains("Solidarity first. ", texts);
        Assert.Contains("Amaria proposes: ", texts);
        Assert.Contains(" Civil society shall be heard.", texts);
        Assert.Contains(" States shall cooperate.", texts);
        Assert.Equal(texts, await StoredTextAsync(documentId!));

        // The change against the official text is shown live, as track changes.
        await Assertions.Expect(watcher.GetByTestId("track-changes").Locator("ins").First).ToBeVisibleAsync();
        await Assertions.Expect(watcher.GetByTestId("track-changes")).ToContainTextAsync("States shall cooperate");
        await author.ScreenshotAsync(new() { Path = Artifacts.PathFor("co-editing.png") });
    }

    private static async Task<ILocator> EditorAsync(IPage page)
    {
        var editor = page.GetByTestId("proposal-editor");
        await Assertions.Expect(editor).ToHaveAttributeAsync("data-connection", "connected");
        return editor.Locator(".cm-content");
    }

    private static async Task<string> WaitForSameTextAsync(IPage[] pages, string documentId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var texts = new List<string>();
            var synchronized = true;
            foreach (var page in pages)
            {
                texts.Add(await page.EvaluateAsync<string>("id => window.draftingRoomEditors[id].getText()", documentId));
                synchronized &= await page.EvaluateAsync<string>("id => window.draftingRoomEditors[id].getState()", documentId) == "synchronized";
            }
            if (synchronized && texts.Distinct().Count() == 1) return texts[0];
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The editors did not converge:\n{string.Join("\n---\n", texts)}");
            await Task.Delay(100);
        }
    }

    private async Task<string> StoredTextAsync(string documentId)
    {
        await using var connection = new Npgsql.NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            """SELECT "Text" FROM "DocumentSnapshots" WHERE "DocumentId" = @d AND "Revision" = 0""", connection);
        command.Parameters.AddWithValue("d", Guid.Parse(documentId));
        var text = (string)(await command.ExecuteScalarAsync())!;
        command.CommandText = """SELECT "Operation"::text FROM "DocumentOperations" WHERE "DocumentId" = @d ORDER BY "Revision" """;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            text = DraftingRoom.Core.Collaboration.TextOperation.Parse(reader.GetString(0)).Apply(text);
        return text;
    }
}
