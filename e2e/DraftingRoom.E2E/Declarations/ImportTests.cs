using System.Text;
using System.Text.RegularExpressions;

namespace DraftingRoom.E2E.Declarations;

public sealed class ImportTests(AppServer app, BrowserHost browser)
{
    private const string Draft = """
        # Draft declaration on solidarity in public health

        Recalling the Constitution of the World Health Organization,

        Recognizing that pandemics know no borders,

        ## Article 1 — Purpose

        1. This declaration sets out the duties of solidarity in public health emergencies.

        2. It applies in peace and in times of crisis.

        ## Article 2 — Sharing of medical knowledge

        States shall share medical knowledge and technologies.

        ## Article 3 — Follow-up

        The Human Rights Council shall review the implementation of this declaration.
        """;

    [Fact]
    public async Task The_secretariat_imports_a_markdown_draft_checks_the_preview_and_saves_it()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, Users.Secretariat);

        await page.GetByRole(AriaRole.Link, new() { Name = "Import a draft" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Import a draft", Level = 1 })).ToBeVisibleAsync();
        await page.GetByLabel("Choose a file to import").SetInputFilesAsync(new FilePayload
        {
            Name = "health-solidarity.md",
            MimeType = "text/markdown",
            Buffer = Encoding.UTF8.GetBytes(Draft),
        });

        await Assertions.Expect(page.GetByTestId("import-summary"))
            .ToContainTextAsync("2 preambular paragraphs and 3 articles found");
        await Assertions.Expect(page.GetByTestId("preview-row")).ToHaveCountAsync(5);
        await Assertions.Expect(page.GetByLabel("Title").First).ToHaveValueAsync("Draft declaration on solidarity in public health");
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("import-preview.png") });

        await page.GetByRole(AriaRole.Button, new() { Name = "Save as a new declaration" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Draft declaration on solidarity in public health" }))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = new Regex("^Article 2\\b.*Sharing of medical knowledge") }))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("States shall share medical knowledge and technologies.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_file_without_articles_is_refused_with_a_clear_message()
    {
        var page = await browser.NewPageAsync();
        await page.SignInAsync(app.BaseAddress, Users.Secretariat);
        await page.GoToAsync(app.BaseAddress, "/declarations/import");

        await page.GetByLabel("Choose a file to import").SetInputFilesAsync(new FilePayload
        {
            Name = "notes.txt",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes("Meeting notes.\n\nNothing to import here."),
        });

        await Assertions.Expect(page.GetByTestId("import-error")).ToContainTextAsync("Nothing was imported");
        await Assertions.Expect(page.GetByTestId("import-summary")).ToHaveCountAsync(0);
    }
}
