using System.Net;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Administration;
using DraftingRoom.Web.Tests.Infrastructure;

namespace DraftingRoom.Web.Tests.Accounts;

public sealed class SignInTests(PostgresServer postgres)
{
    [Fact]
    public async Task A_delegate_signs_in_with_the_right_password_and_is_sent_on()
    {
        await using var app = await TestApp.StartAsync(postgres);
        var cookies = new CookieContainer();
        using var client = app.CreateClient(cookies);

        var response = await SignInClient.PostSignInAsync(client, Demo.Delegate, Demo.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.True(SignInClient.HasAuthCookie(cookies, app.BaseAddress));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_clear_message()
    {
        await using var app = await TestApp.StartAsync(postgres);
        var cookies = new CookieContainer();
        using var client = app.CreateClient(cookies);

        var response = await SignInClient.PostSignInAsync(client, Demo.Delegate, "not the password at all");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email address or password is not correct.", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(SignInClient.HasAuthCookie(cookies, app.BaseAddress));
    }

    [Fact]
    public async Task Five_failed_sign_ins_lock_the_account_even_against_the_right_password()
    {
        await using var app = await TestApp.StartAsync(postgres);
        using var client = app.CreateClient();
        for (var attempt = 0; attempt < 5; attempt++)
            await SignInClient.PostSignInAsync(client, Demo.Delegate, $"wrong password {attempt}");

        var cookies = new CookieContainer();
        using var fresh = app.CreateClient(cookies);
        var response = await SignInClient.PostSignInAsync(fresh, Demo.Delegate, Demo.Password);

        Assert.Contains("this account is locked", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(SignInClient.HasAuthCookie(cookies, app.BaseAddress));
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        await using var app = await TestApp.StartAsync(postgres);
        using var client = app.CreateClient();

        var response = await SignInClient.PostSignInAsync(client, Demo.Delegate, Demo.Password,
            "/account/login?returnUrl=https%3A%2F%2Fevil.example");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Pages_redirect_an_anonymous_visitor_to_sign_in()
    {
        await using var app = await TestApp.StartAsync(postgres);
        using var client = app.CreateClient();

        var response = await client.GetAsync("/declarations", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_password_shorter_than_twelve_characters_is_refused()
    {
        await using var app = await TestApp.StartAsync(postgres);
        var admin = await app.SignInAsAsync(Demo.Admin);
        await using var scope = app.Services.CreateAsyncScope();
        var administration = scope.ServiceProvider.GetRequiredService<AdministrationService>();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => administration.CreateUserAsync(admin,
            new NewUser("short@example.org", "Short Password", "elevenchars", null, [Roles.Participant])));

        Assert.Contains("12", error.Message);
        Assert.DoesNotContain(await administration.ListUsersAsync(admin), u => u.Email == "short@example.org");
    }
}
