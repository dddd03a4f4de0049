using Microsoft.Playwright;

namespace DraftingRoom.E2E.Infrastructure;

public static class Users
{
    public const string Password = "solidarity-demo-2027";
    public const string Secretariat = "secretariat@draftingroom.example";
    public const string Expert = "expert@draftingroom.example";
    public const string Delegate = "amaria@draftingroom.example";
    public const string DelegateColleague = "amaria.adviser@draftingroom.example";
    public const string SecondDelegate = "serrania@draftingroom.example";
    public const string CivilSociety = "gsn@draftingroom.example";
    public const string Observer = "observer@draftingroom.example";

    /// <summary>Signs in through the form, by its labels, as a person would.</summary>
    public static async Task SignInAsync(this IPage page, Uri baseAddress, string email)
    {
        await page.GotoAsync(new Uri(baseAddress, "/account/login").ToString());
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login"));
        await page.WaitForInteractiveAsync();
    }

    /// <summary>Waits until the page's Blazor circuit is connected, so clicks and uploads reach the server.</summary>
    public static async Task WaitForInteractiveAsync(this IPage page) =>
        await Assertions.Expect(page.Locator("main[data-interactive=true]")).ToBeAttachedAsync();

    public static async Task GoToAsync(this IPage page, Uri baseAddress, string path)
    {
        await page.GotoAsync(new Uri(baseAddress, path).ToString());
        await page.WaitForInteractiveAsync();
    }
}
