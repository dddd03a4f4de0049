using DraftingRoom.Web.Comments;
using DraftingRoom.Web.Declarations;
using DraftingRoom.Web.Tests.Collaboration;
using DraftingRoom.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Tests.Consultation;

/// <summary>Comments on a span stay on the words they quote while the text changes around them.</summary>
public sealed class AnchorTests(SharedTestApp shared) : IClassFixture<SharedTestApp>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private readonly Scenario _s = new(shared.App);

    private static int At(string text, string words) => text.IndexOf(words, StringComparison.Ordinal);

    private async Task<int> EditOfficialAsync(Guid articleId, string text) =>
        await _s.Declarations.EditProvisionAsync(await _s.As(Demo.Secretariat), articleId, new ProvisionEdit("Title 1", text, "Drafting"));

    private async Task<string> RevisionTextAsync(Guid articleId, long revision)
    {
        await using var db = await _s.DbAsync();
        return await db.ArticleRevisions.Where(r => r.ArticleId == articleId && r.Number == revision).Select(r => r.Text).SingleAsync();
    }

    [Fact]
    public async Task On_the_official_text_an_anchor_moves_with_words_inserted_before_it_and_is_outdated_when_they_are_rewritten()
    {
        var (_, articles) = await _s.DeclarationAsync();
        const string quoted = "Everyone is entitled";
        var start = At(Scenario.ArticleText, quoted);
        var id = await _s.CommentAsync(Demo.Delegate, articles[0], "Who is everyone?", start, start + quoted.Length);
        var whole = await _s.CommentAsync(Demo.Delegate, articles[0], "On the whole article.");

        // Words inserted before the quote, in both paragraphs.
        var second = "1. Recalling its commitments, States shall cooperate to realise the right to international solidarity.\n\n" +
                     "2. Without any distinction, Everyone is entitled to take part in that cooperation.";
        Assert.Equal(2, await EditOfficialAsync(articles[0], second));

        var moved = (await _s.FindCommentAsync(Demo.Delegate, id)).Anchor!;
        Assert.False(moved.Outdated);
        Assert.Equal(2, moved.Revision);
        Assert.Equal(At(second, quoted), moved.Start);
        Assert.Equal(quoted, moved.Quote);
        Assert.Equal(quoted, second[moved.Start..moved.End]);
        Assert.Equal((quoted, 1L), (moved.OriginalQuote, moved.OriginalRevision));

        // The quoted words rewritten; the same words are added elsewhere, and the comment must not jump to them.
        var third = "1. Recalling its commitments, States shall cooperate so that Everyone is entitled to solidarity.\n\n" +
                    "2. Without any distinction, peoples may join in that cooperation.";
        Assert.Equal(3, await EditOfficialAsync(articles[0], third));

        var outdated = await _s.FindCommentAsync(Demo.Delegate, id);
        Assert.Equal("Who is everyone?", outdated.Body);
        var anchor = outdated.Anchor!;
        Assert.True(anchor.Outdated);
        Assert.Equal(2, anchor.Revision);
        Assert.Equal(quoted, anchor.Quote);
        Assert.Equal(quoted, (await RevisionTextAsync(articles[0], anchor.Revision))[anchor.Start..anchor.End]);
        Assert.Equal((quoted, 1L), (anchor.OriginalQuote, anchor.OriginalRevision));
        Assert.Null((await _s.FindCommentAsync(Demo.Delegate, whole)).Anchor);

        // Later revisions leave an outdated anchor where it was.
        Assert.Equal(4, await EditOfficialAsync(articles[0], "0. New opening.\n\n" + third));
        Assert.Equal(anchor, (await _s.FindCommentAsync(Demo.Delegate, id)).Anchor);
    }

    [Fact]
    public async Task On_the_official_text_an_anchor_follows_an_accepted_proposal()
    {
        var (_, articles) = await _s.DeclarationAsync();
        const string quoted = "take part";
        var start = At(Scenario.ArticleText, quoted);
        var id = await _s.CommentAsync(Demo.CivilSociety, articles[0], "How?", start, start + quoted.Length);
        var proposed = Scenario.ArticleText.Replace("2. Everyone", "2. Every person and every people");
        var proposal = await _s.SubmittedAsync(Demo.Delegate, articles[0], proposed);

        await _s.Decisions.DecideAsync(await _s.As(Demo.Expert), proposal,
            new Decisions.DecisionRequest(Decisions.DecisionKind.Accept, null, null, 1));

        var anchor = (await _s.FindCommentAsync(Demo.CivilSociety, id)).Anchor!;
        Assert.False(anchor.Outdated);
        Assert.Equal(2, anchor.Revision);
        Assert.Equal(At(proposed, quoted), anchor.Start);
        Assert.Equal(quoted, anchor.Quote);
    }

    [Fact]
    public async Task On_a_draft_proposal_an_anchor_moves_with_the_co_editors_operations()
    {
        var articleId = await _s.ArticleAsync();
        var proposalId = await _s.DraftAsync(Demo.CivilSociety, articleId);
        var documentId = await _s.DocumentOfAsync(proposalId);
        await using var editor = await HubEditor.ConnectAsync(_s.App.BaseAddress,
            await CollaborationFixture.SignInAsync(_s.App, Demo.CivilSociety), documentId);
        const string quoted = "international solidarity";
        var start = At(editor.Text, quoted);
        var id = await _s.Comments.PostAsync(await _s.As(Demo.Secretariat),
            new NewComment(articleId, proposalId, "Define it.", start, start + quoted.Length));
        var revisionCommented = (await _s.FindCommentAsync(Demo.CivilSociety, id)).Anchor!.Revision;

        await editor.EditAsync(text => Scenario.InsertAt(text, 0, "Preamble words. "));
        await editor.EditAsync(text => Scenario.InsertAt(text, At(text, quoted), "genuine "));
        await editor.WaitUntilSynchronizedAsync(Timeout);
        var text = editor.Text;

        var anchor = (await _s.FindCommentAsync(Demo.CivilSociety, id)).Anchor!;
        Assert.False(anchor.Outdated);
        Assert.Equal(editor.Revision, anchor.Revision);
        Assert.True(anchor.Revision > revisionCommented);
        Assert.Equal(At(text, quoted), anchor.Start);
        Assert.Equal(quoted, text[anchor.Start..anchor.End]);
        Assert.Equal(quoted, anchor.Quote);

        // The quoted words deleted: the comment stays, referring to the revision it was made on.
        await editor.EditAsync(t => Scenario.Replace(t, t.Replace("genuine international solidarity", "cooperation")));
        await editor.WaitUntilSynchronizedAsync(Timeout);
        var lost = await _s.FindCommentAsync(Demo.CivilSociety, id);
        Assert.Equal("Define it.", lost.Body);
        Assert.True(lost.Anchor!.Outdated);
        Assert.Equal(quoted, lost.Anchor.OriginalQuote);
    }

    [Fact]
    public async Task On_a_draft_proposal_a_span_selected_at_an_earlier_revision_is_carried_through_the_operations()
    {
        var articleId = await _s.ArticleAsync();
        var proposalId = await _s.DraftAsync(Demo.CivilSociety, articleId);
        const string quoted = "take part";
        var start = At(Scenario.ArticleText, quoted);
        await _s.SetTextAsync(proposalId, "Inserted first. " + Scenario.ArticleText);

        var id = await _s.Comments.PostAsync(await _s.As(Demo.CivilSociety),
            new NewComment(articleId, proposalId, "Selected before the insertion.", start, start + quoted.Length, Revision: 0));

        var anchor = (await _s.FindCommentAsync(Demo.CivilSociety, id)).Anchor!;
        Assert.Equal(1, anchor.Revision);
        Assert.Equal(start + "Inserted first. ".Length, anchor.Start);
        Assert.Equal(quoted, anchor.Quote);
    }
}
