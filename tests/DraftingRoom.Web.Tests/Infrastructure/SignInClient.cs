using System.Net;
using System.Text.RegularExpressions;

namespace DraftingRoom.Web.Tests.Infrastructure;

/// <summary>Signs in through the real sign-in form, antiforgery token and all, as a browser would.</summary>
public static partial class SignInClient
{
    public static async Task<HttpResponseMessage> PostSignInAsync(HttpClient client, string email, string password,
        string path = "/account/login")
    {
        var form = await client.GetStringAsync(path);
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
    }

    public static bool HasAuthCookie(CookieContainer cookies, Uri baseAddress) =>
        cookies.GetCookies(baseAddress).Any(c => c.Name == "DraftingRoom.Auth");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
