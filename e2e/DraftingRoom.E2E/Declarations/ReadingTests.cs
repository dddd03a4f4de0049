using System.Text.RegularExpressions;

namespace DraftingRoom.E2E.Declarations;

public sealed class ReadingTests(AppServer app, BrowserHost browser)
{
    [Fact]
    public async Task A_delegate_signs_in_and_reads_the_seeded_declaration()
    {
        var page = await browser.NewPageAsync();

        await page.SignInAsync(app.BaseAddress, Users.Delegate);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Declarations", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Sample: Draft declaration") }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1, NameRegex = new Regex("right to international solidarity") }))
            .ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Note)).ToContainTextAsync("not an official document");
        var contents = page.GetByRole(AriaRole.Navigation, new() { Name = "Contents" });
        await Assertions.Expect(contents.GetByRole(AriaRole.Link, new() { Name = "Preamble" })).ToBeVisibleAsync();
        Assert.True(await contents.GetByRole(AriaRole.Link).CountAsync() >= 11);
        Assert.True(await page.Locator("[data-testid=preambular-paragraph]").CountAsync() >= 5);

        await contents.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Article 3\\b") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = new Regex("^Article 3\\b") })).ToBeInViewportAsync();
        // A delegate reads; the editing tools are not offered.
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Edit Article") })).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("reader.png") });
    }

    [Fact]
    public async Task The_reader_fits_a_phone_screen()
    {
        var page = await browser.NewPageAsync(width: 390, height: 844);

        await page.SignInAsync(app.BaseAddress, Users.Observer);
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Sample: Draft declaration") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, NameRegex = new Regex("^Article 1\\b") })).ToBeAttachedAsync();

        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "The page scrolls sideways on a phone.");
        await page.ScreenshotAsync(new() { Path = Artifacts.PathFor("reader-phone.png") });
    }
}
