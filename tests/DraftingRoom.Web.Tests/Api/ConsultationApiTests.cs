using System.Net.Http.Json;
using System.Text.Json;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Web.Comments;
using DraftingRoom.Web.Consultation;
using DraftingRoom.Web.Declarations;
using DraftingRoom.Web.Tests.Collaboration;
using DraftingRoom.Web.Tests.Infrastructure;

namespace DraftingRoom.Web.Tests.Api;

public sealed class ConsultationApiTests(SharedTestApp shared) : IClassFixture<SharedTestApp>
{
    private readonly TestApp _app = shared.App;

    [Fact]
    public async Task The_api_lists_comment_threads_with_filters_and_hides_moderated_text_from_readers()
    {
        var secretariat = await _app.SignInAsAsync(Demo.Secretariat);
        var delegate_ = await _app.SignInAsAsync(Demo.Delegate);
        var declarations = _app.Service<DeclarationService>();
        var comments = _app.Service<CommentService>();
        var declarationId = await declarations.CreateAsync(secretariat, new("Declaration read through the API", null, null));
        var article = await declarations.AddProvisionAsync(secretariat, declarationId,
            new(ProvisionKind.Article, null, null, "States shall cooperate in solidarity."));
        await _app.Service<RoundService>().OpenAsync(secretariat, declarationId, "Round one", DateTimeOffset.UtcNow.AddDays(3));
        var first = await comments.PostAsync(delegate_, new NewComment(article, null, "Amaria agrees.", 13, 22));
        await comments.ReplyAsync(secretariat, first, "Noted with thanks.");
        var hidden = await comments.PostAsync(delegate_, new NewComment(article, null, "Something abusive."));
        await comments.HideAsync(secretariat, hidden, "Abusive");

        using var observer = _app.CreateClient(await CollaborationFixture.SignInAsync(_app, Demo.Observer));
        var all = await observer.GetFromJsonAsync<JsonElement>($"/api/declarations/{declarationId}/comments");
        var states = await observer.GetFromJsonAsync<JsonElement>($"/api/declarations/{declarationId}/comments?kind=MemberState&search=agrees");
        var ngos = await observer.GetFromJsonAsync<JsonElement>($"/api/declarations/{declarationId}/comments?kind=CivilSocietyOrganisation");
        var rounds = await observer.GetFromJsonAsync<JsonElement>($"/api/declarations/{declarationId}/rounds");
        var openApi = await observer.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.Equal(2, all.GetArrayLength());
        var thread = all.EnumerateArray().Single(t => t.GetProperty("root").GetProperty("id").GetGuid() == first);
        Assert.Equal("Amaria agrees.", thread.GetProperty("root").GetProperty("body").GetString());
        Assert.Equal("Republic of Amaria", thread.GetProperty("root").GetProperty("organisation").GetString());
        Assert.Equal("cooperate", thread.GetProperty("root").GetProperty("anchor").GetProperty("quote").GetString());
        Assert.Equal("Noted with thanks.", thread.GetProperty("replies")[0].GetProperty("body").GetString());
        var moderated = all.EnumerateArray().Single(t => t.GetProperty("root").GetProperty("id").GetGuid() == hidden);
        Assert.Equal(JsonValueKind.Null, moderated.GetProperty("root").GetProperty("body").ValueKind);
        Assert.True(moderated.GetProperty("root").GetProperty("isHidden").GetBoolean());
        Assert.Equal(1, states.GetArrayLength());
        Assert.Equal(0, ngos.GetArrayLength());
        Assert.Equal("Round one", rounds[0].GetProperty("title").GetString());
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/declarations/{declarationId}/comments", out _));
    }
}
