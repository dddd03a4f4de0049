using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace DraftingRoom.E2E.Versions;

public sealed class ComparisonTests(AppServer app, BrowserHost browser)
{
    private const string Draft = """
        # Draft declaration on solidarity in science

        Recalling the right of everyone to share in scientific advancement and its benefits,

        ## Article 1 — Purpose

        This declaration sets out duties of solidarity in science.

        ## Article 2 — Open science

        1. States shall share scientific knowledge.

        2. States shall support open access to research.

        ## Article 3 — Follow-up

        The Human Rights Council shall review this declaration.
        """;

    [Fact]
    public async Task An_observer_compares_two_published_versions_and_downloads_the_tracked_changes()
    {
        var expert = await browser.NewPageAsync();
        await expert.SignInAsync(app.BaseAddress, Users.Expert);
        var title = $"Draft declaration on solidarity in science {Guid.NewGuid().ToString()[..6]}";
        await ImportAsync(expert, title);

        // 1. The Independent Expert publishes version 1.
        await expert.GetByRole(AriaRole.Link, new() { Name = "Versions and comparison" }).ClickAsync();
        await expert.WaitForInteractiveAsync();
        await PublishAsync(expert, "First draft");

        // 2. She revises Article 2, inserts an article before it, renumbers, and publishes version 2.
        await expert.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await expert.WaitForInteractiveAsync();
        await expert.GetByRole(AriaRole.Button, new() { Name = "Edit Article 2" }).ClickAsync();
        var text = expert.GetByRole(AriaRole.Dialog).GetByLabel("Text", new() { Exact = true });
        await text.FillAsync("1. States should share scientific knowledge freely.\n\n2. States shall support open access to research.");
        await expert.GetByLabel("Reason for the change").FillAsync("Comments of States");
        await expert.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(expert.GetByText("States should share scientific knowledge freely.")).ToBeVisibleAsync();

        // The article's history shows the word-level change between its two revisions.
        await expert.GetByRole(AriaRole.Button, new() { Name = "History of Article 2" }).ClickAsync();
        var history = expert.GetByTestId("revision-diff");
        await Assertions.Expect(history.Locator("del")).ToContainTextAsync(["shall"]);
        await Assertions.Expect(history.Locator("ins").First).ToContainTextAsync("should");
        await expert.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).Last.ClickAsync();
        await Assertions.Expect(expert.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await expert.GetByRole(AriaRole.Button, new() { Name = "Add an article" }).ClickAsync();
        await expert.GetByLabel("Title (optional)").FillAsync("Definitions");
        await expert.GetByRole(AriaRole.Dialog).GetByLabel("Text", new() { Exact = true }).FillAsync("For the purposes of this declaration, science includes all fields of knowledge.");
        await expert.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(expert.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Article 4\\b") })).ToBeVisibleAsync();
        var headings = expert.Locator("h2.article-heading");
        await expert.GetByRole(AriaRole.Button, new() { Name = "Move Article 4 up" }).ClickAsync();
        await Assertions.Expect(headings.Nth(2)).ToContainTextAsync("Definitions");
        await expert.GetByRole(AriaRole.Button, new() { Name = "Move Article 4 up" }).ClickAsync();
        await Assertions.Expect(headings.Nth(1)).ToContainTextAsync("Definitions");
        await expert.GetByRole(AriaRole.Button, new() { Name = "Renumber articles" }).First.ClickAsync();
        await expert.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Renumber articles" }).ClickAsync();
        await Assertions.Expect(expert.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Article 2\\b.*Definitions") })).ToBeVisibleAsync();
        await expert.GetByRole(AriaRole.Link, new() { Name = "Versions and comparison" }).ClickAsync();
        await expert.WaitForInteractiveAsync();
        await PublishAsync(expert, "Revised draft");
        var versionsUrl = new Uri(expert.Url).PathAndQuery;

        // 3. An observer opens the comparison of the two versions.
        var observer = await browser.NewPageAsync();
        await observer.SignInAsync(app.BaseAddress, Users.Observer);
        await observer.GoToAsync(app.BaseAddress, versionsUrl);
        await observer.GetByRole(AriaRole.Link, new() { Name = "Compare", Exact = true }).ClickAsync();
        await observer.WaitForURLAsync(new Regex("/compare\\?"));
        await observer.WaitForInteractiveAsync();

        var summary = observer.GetByTestId("comparison-summary");
        await Assertions.Expect(summary).ToContainTextAsync("Articles added: 1");
        await Assertions.Expect(summary).ToContainTextAsync("Articles renumbered: 2");
        await Assertions.Expect(observer.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("Article 3 \\(was Article 2\\)") })).ToBeVisibleAsync();
        var revised = observer.GetByTestId("comparison-item").Filter(new() { HasText = "Article 3 (was Article 2)" });
        await Assertions.Expect(revised.Locator("del")).ToContainTextAsync(["shall"]);
        await Assertions.Expect(revised.Locator("ins").First).ToContainTextAsync("should");
        await observer.GetByTestId("next-change").ClickAsync();
        await observer.ScreenshotAsync(new() { Path = Artifacts.PathFor("comparison.png") });

        await observer.GetByRole(AriaRole.Link, new() { Name = "Side by side" }).ClickAsync();
        await Assertions.Expect(observer.Locator("table.side-by-side").First).ToBeVisibleAsync();

        // 4. The observer downloads the Word file with tracked changes.
        var download = await observer.RunAndWaitForDownloadAsync(() =>
            observer.GetByTestId("download-tracked-changes").ClickAsync());
        var path = Path.Combine(Path.GetTempPath(), $"comparison-{Guid.NewGuid():N}.docx");
        await download.SaveAsAsync(path);
        using var archive = ZipFile.OpenRead(path);
        var xml = await new StreamReader(archive.GetEntry("word/document.xml")!.Open()).ReadToEndAsync();
        Assert.Contains("<w:ins ", xml);
        Assert.Contains("<w:del ", xml);
        Assert.Contains("should", xml);
        File.Delete(path);
    }

    private static async Task ImportAsync(IPage page, string title)
    {
        await page.GotoAsync(new Uri(new Uri(page.Url), "/declarations/import").ToString());
        await page.WaitForInteractiveAsync();
        await page.GetByLabel("Choose a file to import").SetInputFilesAsync(new FilePayload
        {
            Name = "science.md", MimeType = "text/markdown", Buffer = Encoding.UTF8.GetBytes(Draft),
        });
        await Assertions.Expect(page.GetByTestId("import-summary")).ToContainTextAsync("3 articles found");
        await page.GetByLabel("Title").First.FillAsync(title);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new declaration" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = title })).ToBeVisibleAsync();
        await page.WaitForInteractiveAsync();
    }

    private static async Task PublishAsync(IPage page, string label)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish a version" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Label").FillAsync(label);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Publish a version" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = label, Exact = true })).ToBeVisibleAsync();
    }
}
