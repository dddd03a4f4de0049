using DraftingRoom.Core.CommentText;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Comments;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Declarations;
using DraftingRoom.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DraftingRoom.Web.Tests.Consultation;

public sealed class CommentServiceTests(SharedTestApp shared) : IClassFixture<SharedTestApp>
{
    private readonly Scenario _s = new(shared.App);
    private CommentService Comments => _s.Comments;

    private static (int Start, int End) Span(string text, string words)
    {
        var start = text.IndexOf(words, StringComparison.Ordinal);
        Assert.True(start >= 0, $"\"{words}\" is not in the text");
        return (start, start + words.Length);
    }

    [Fact]
    public async Task A_comment_on_the_whole_article_is_listed_with_its_author_and_organisation()
    {
        var (declarationId, articles) = await _s.DeclarationAsync();
        var delegate_ = await _s.As(Demo.Delegate);

        var id = await Comments.PostAsync(delegate_, new NewComment(articles[0], null, "  The article should name duties.\r\n "));

        var thread = Assert.Single(await Comments.ListAsync(delegate_, new CommentFilter(declarationId)));
        var comment = thread.Root;
        Assert.Equal(id, comment.Id);
        Assert.Equal("The article should name duties.", comment.Body);
        Assert.Null(comment.Anchor);
        Assert.Equal("Kofi Mensah, delegate of Amaria", comment.AuthorName);
        Assert.Equal("Republic of Amaria", comment.Organisation);
        Assert.Equal(StakeholderKind.MemberState, comment.Kind);
        Assert.Equal(RegionalGroup.AfricanStates, comment.RegionalGroup);
        Assert.Equal(CommentStatus.Open, comment.Status);
        Assert.True(comment.CanEdit);
        Assert.False(comment.CanModerate);
        Assert.Empty(thread.Replies);
        Assert.Equal(["comment.posted"], await _s.AuditActionsAsync(id));
    }

    [Fact]
    public async Task A_comment_on_a_span_quotes_the_selected_words()
    {
        var (declarationId, articles) = await _s.DeclarationAsync();
        var (start, end) = Span(Scenario.ArticleText, "international solidarity");

        var id = await _s.CommentAsync(Demo.CivilSociety, articles[0], "Which solidarity?", start, end);

        var anchor = (await _s.FindCommentAsync(Demo.CivilSociety, id)).Anchor!;
        Assert.Equal((start, end), (anchor.Start, anchor.End));
        Assert.Equal("international solidarity", anchor.Quote);
        Assert.Equal(1, anchor.Revision);
        Assert.False(anchor.Outdated);
        Assert.Equal("international solidarity", anchor.OriginalQuote);
        Assert.Equal(1, anchor.OriginalRevision);
        await using var db = await _s.DbAsync();
        Assert.Equal("international solidarity", (await db.Comments.SingleAsync(c => c.Id == id)).AnchorQuote);
        Assert.Single(await Comments.ListAsync(await _s.As(Demo.Observer), new CommentFilter(declarationId)));
    }

    public static TheoryData<int?, int?, string> BadSpans() => new()
    {
        { -1, 5, "not in the text" },
        { 0, Scenario.ArticleText.Length + 1, "not in the text" },
        { Scenario.ArticleText.Length + 3, Scenario.ArticleText.Length + 8, "not in the text" },
        { 10, 10, "not in the text" },
        { 20, 10, "not in the text" },
        // The single space between "1." and "States", and the blank line between the paragraphs.
        { 2, 3, "not only spaces" },
        { Scenario.ArticleText.IndexOf("\n\n", StringComparison.Ordinal), Scenario.ArticleText.IndexOf("\n\n", StringComparison.Ordinal) + 2, "not only spaces" },
        { 5, null, "both a start and an end" },
        { null, 5, "both a start and an end" },
    };

    [Theory]
    [MemberData(nameof(BadSpans))]
    public async Task A_span_outside_the_text_empty_reversed_or_only_spaces_is_refused_and_nothing_is_stored(int? start,
        int? end, string message)
    {
        var (_, articles) = await _s.DeclarationAsync();
        var before = await _s.SnapshotAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() =>
            _s.CommentAsync(Demo.Delegate, articles[0], "On these words.", start, end));

        Assert.Contains(message, error.Message);
        Assert.DoesNotContain("Parameter", error.Message);
        Assert.Equal(before, await _s.SnapshotAsync());
    }

    [Fact]
    public async Task A_span_selected_in_an_earlier_revision_is_carried_to_the_current_one()
    {
        var (_, articles) = await _s.DeclarationAsync();
        var (start, end) = Span(Scenario.ArticleText, "Everyone is entitled");
        var edited = "1. All States shall cooperate to realise the right to international solidarity.\n\n" +
                     "2. Everyone is entitled to take part in that cooperation.";
        await _s.Declarations.EditProvisionAsync(await _s.As(Demo.Secretariat), articles[0], new ProvisionEdit("Title 1", edited, "All"));

        var id = await Comments.PostAsync(await _s.As(Demo.Delegate),
            new NewComment(articles[0], null, "Read at revision 1.", start, end, Revision: 1));

        var anchor = (await _s.FindCommentAsync(Demo.Delegate, id)).Anchor!;
        Assert.Equal("Everyone is entitled", anchor.Quote);
        Assert.Equal(2, anchor.Revision);
        Assert.Equal(edited.IndexOf("Everyone", StringComparison.Ordinal), anchor.Start);
        Assert.Equal("Everyone is entitled", edited[anchor.Start..anchor.End]);
        Assert.False(anchor.Outdated);
    }

    [Fact]
    public async Task A_span_whose_words_were_rewritten_meanwhile_is_refused_rather_than_put_on_other_words()
    {
        var (_, articles) = await _s.DeclarationAsync();
        var (start, end) = Span(Scenario.ArticleText, "Everyone is entitled");
        await _s.Declarations.EditProvisionAsync(await _s.As(Demo.Secretariat), articles[0], new ProvisionEdit("Title 1",
            Scenario.ArticleText.Replace("Everyone is entitled", "Peoples have a right"), "Peoples"));
        var delegate_ = await _s.As(Demo.Delegate);
        var before = await _s.SnapshotAsync();

        var error = await Assert.ThrowsAsync<ConflictException>(() => Comments.PostAsync(delegate_,
            new NewComment(articles[0], null, "Read at revision 1.", start, end, Revision: 1)));

        Assert.Contains("select them again", error.Message);
        Assert.Equal(before, await _s.SnapshotAsync());
    }

    public static TheoryData<string, string> BadBodies() => new()
    {
        { "", "empty" },
        { "   \n\t  \r\n ", "empty" },
        { new string('x', 10_001), "too long: 10,001 characters, and a comment may have at most 10,000" },
        { "A\0B", "NUL" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task An_empty_blank_or_too_long_comment_is_refused_with_a_clear_message(string body, string message)
    {
        var (_, articles) = await _s.DeclarationAsync();
        var root = await _s.CommentAsync(Demo.Delegate, articles[0], "Fine.");
        var delegate_ = await _s.As(Demo.Delegate);
        var before = await _s.SnapshotAsync();

        Assert.Contains(message, (await Assert.ThrowsAsync<InvalidInputException>(() =>
            Comments.PostAsync(delegate_, new NewComment(articles[0], null, body)))).Message);
        Assert.Contains(message, (await Assert.ThrowsAsync<InvalidInputException>(() =>
            Comments.ReplyAsync(delegate_, root, body))).Message);
        Assert.Contains(message, (await Assert.ThrowsAsync<InvalidInputException>(() =>
            Comments.EditAsync(delegate_, root, body))).Message);

        Assert.Equal(before, await _s.SnapshotAsync());
    }

    [Fact]
    public async Task A_comment_of_exactly_the_limit_is_accepted()
    {
        var (_, articles) = await _s.DeclarationAsync();

        var id = await _s.CommentAsync(Demo.Delegate, articles[0], new string('x', 10_000));

        Assert.Equal(10_000, (await _s.FindCommentAsync(Demo.Delegate, id)).Body!.Length);
    }

    [Fact]
    public async Task Replies_form_one_thread_under_the_first_comment()
    {
        var (declarationId, articles) = await _s.DeclarationAsync();
        var root = await _s.CommentAsync(Demo.Delegate, articles[0], "Too weak.");
        var secretariat = await _s.As(Demo.Secretariat);

        var first = await Comments.ReplyAsync(secretariat, root, "Noted: see the next revision.");
        var second = await Comments.ReplyAsync(await _s.As(Demo.CivilSociety), first, "We agree it is too weak.");

        var thread = Assert.Single(await Comments.ListAsync(secretariat, new CommentFilter(declarationId)));
        Assert.Equal(root, thread.Root.Id);
        Assert.Equal([first, second], thread.Replies.Select(r => r.Id));
        Assert.All(thread.Replies, r => Assert.Equal(root, r.ThreadId));
        Assert.Equal("Jonas Weber, Human Rights Officer", thread.Replies[0].AuthorName);
        Assert.Equal(["comment.replied"], await _s.AuditActionsAsync(first));
    }

    [Fact]
    public async Task Editing_ones_own_comment_keeps_the_earlier_texts()
    {
        var (_, articles) = await _s.DeclarationAsync();
        var id = await _s.CommentAsync(Demo.Delegate, articles[0], "First text.");
        var delegate_ = await _s.As(Demo.Delegate);

        await Comments.EditAsync(delegate_, id, "Second text.");
        await Comments.EditAsync(delegate_, id, "Third text.");

        var view = await _s.FindCommentAsync(Demo.Observer, id);
        Assert.Equal("Third text.", view.Body);
        Assert.Equal(2, view.EditCount);
        Assert.NotNull(view.EditedAt);
        var edits = await Comments.GetEditsAsync(await _s.As(Demo.Observer), id);
        Assert.Equal(["Second text.", "First text."], edits.Select(e => e.Body));
        Assert.Equal(["comment.posted", "comment.edited", "comment.edited"], await _s.AuditActionsAsync(id));
    }

    [Fact]
    public async Task Nobody_edits_or_withdraws_someone_elses_comment()
    {
        var (_, articles) = await _s.DeclarationAsync();
        var id = await _s.CommentAsync(Demo.Delegate, articles[0], "Mine.");
        var before = await _s.SnapshotAsync();

        foreach (var email in new[] { Demo.DelegateColleague, Demo.CivilSociety, Demo.Secretariat, Demo.Expert })
        {
            var other = await _s.As(email);
            Assert.Equal("Only its author may edit a comment.",
                (await Assert.ThrowsAsync<AccessDeniedException>(() => Comments.EditAsync(other, id, "Yours now."))).Message);
            Assert.Equal("Only its author may withdraw a comment.",
                (await Assert.ThrowsAsync<AccessDeniedException>(() => Comments.WithdrawAsync(other, id))).Message);
            Assert.False((await _s.FindCommentAsync(email, id)).CanEdit);
        }

        Assert.Equal(before, await _s.SnapshotAsync());
        Assert.Empty(await Comments.GetEditsAsync(await _s.As(Demo.Delegate), id));
    }

    [Fact]
    public async Task A_withdrawn_comment_stays_listed_as_withdrawn_and_can_no_longer_be_edited()
    {
        var (declarationId, articles) = await _s.DeclarationAsync();
        var id = await _s.CommentAsync(Demo.Delegate, articles[0], "On second thought.");
        var delegate_ = await _s.As(Demo.Delegate);

        await Comments.WithdrawAsync(delegate_, id);

        var view = await _s.FindCommentAsync(Demo.CivilSociety, id);
        Assert.Equal(CommentStatus.Withdrawn, view.Status);
        Assert.Equal("On second thought.", view.Body);
        Assert.False((await _s.FindCommentAsync(Demo.Delegate, id)).CanEdit);
        Assert.Single(await Comments.ListAsync(delegate_, new CommentFilter(declarationId, Status: CommentStatus.Withdrawn)));
        var before = await _s.SnapshotAsync();
        Assert.Contains("withdrawn", (await Assert.ThrowsAsync<InvalidInputException>(() =>
            Comments.EditAsync(delegate_, id, "Changed."))).Message);
        Assert.Contains("already withdrawn", (await Assert.ThrowsAsync<InvalidInputException>(() =>
            Comments.WithdrawAsync(delegate_, id))).Message);
        Assert.Equal(before, await _s.SnapshotAsync());
        Assert.Equal(["comment.posted", "comment.withdrawn"], await _s.AuditActionsAsync(id));
    }

    [Fact]
    public async Task The_secretariat_marks_a_comment_addressed_and_a_participant_cannot()
    {
        var (declarationId, articles) = await _s.DeclarationAsync();
        var id = await _s.CommentAsync(Demo.Delegate, articles[0], "Please address.");
        var before = await _s.SnapshotAsync();

        var refusal = await Assert.ThrowsAsync<AccessDeniedException>(async () =>
            await Comments.SetAddressedAsync(await _s.As(Demo.Delegate), id, true));
        Assert.Equal("Your role does not allow you to mark comments addressed.", refusal.Message);
        Assert.Equal(before, await _s.SnapshotAsync());

        await Comments.SetAddressedAsync(await _s.As(Demo.Secretariat), id, true);

        Assert.Equal(CommentStatus.Addressed, (await _s.FindCommentAsync(Demo.Delegate, id)).Status);
        Assert.Single(await Comments.ListAsync(await _s.As(Demo.Delegate), new CommentFilter(declarationId, Status: CommentStatus.Addressed)));
        Assert.Empty(await Comments.ListAsync(await _s.As(Demo.Delegate), new CommentFilter(declarationId, Status: CommentStatus.Open)));
        Assert.Equal(["comment.posted", "comment.addressed"], await _s.AuditActionsAsync(id));
    }

    [Fact]
    public async Task A_hidden_comment_loses_its_text_for_participants_but_moderators_and_the_audit_log_keep_it()
    {
        var (declarationId, articles) = await _s.DeclarationAsync();
        var id = await _s.CommentAsync(Demo.Delegate, articles[0], "Something abusive.");

        await Comments.HideAsync(await _s.As(Demo.Secretariat), id, "  Personal attack.  ");

        var forAnother = await _s.FindCommentAsync(Demo.CivilSociety, id);
        Assert.True(forAnother.IsHidden);
        Assert.Null(forAnother.Body);
        Assert.Null(forAnother.HiddenReason);
        Assert.False(forAnother.CanEdit);
        var forAuthor = await _s.FindCommentAsync(Demo.Delegate, id);
        Assert.Null(forAuthor.Body);
        Assert.Equal("Personal attack.", forAuthor.HiddenReason);
        Assert.False(forAuthor.CanEdit);
        Assert.Empty(await Comments.GetEditsAsync(await _s.As(Demo.Delegate), id));
        foreach (var moderator in new[] { Demo.Secretariat, Demo.Expert })
        {
            var view = await _s.FindCommentAsync(moderator, id);
            Assert.Equal("Something abusive.", view.Body);
            Assert.Equal("Personal attack.", view.HiddenReason);
            Assert.True(view.CanModerate);
        }
        // A hidden comment's text is not found by searching for it, except by moderators.
        Assert.Empty(await Comments.ListAsync(await _s.As(Demo.CivilSociety), new CommentFilter(declarationId, Search: "abusive")));
        Assert.Single(await Comments.ListAsync(await _s.As(Demo.Secretariat), new CommentFilter(declarationId, Search: "abusive")));

        await using var db = await _s.DbAsync();
        var audit = await db.AuditEvents.SingleAsync(e => e.EntityId == id.ToString() && e.Action == "comment.hidden");
        Assert.Contains("Personal attack.", audit.Summary);
        Assert.Contains("Something abusive.", audit.Summary);
        Assert.Equal(Demo.Secretariat, audit.UserName);
        Assert.Equal("Something abusive.", (await db.Comments.SingleAsync(c => c.Id == id)).Body);

        var before = await _s.SnapshotAsync();
        var delegate_ = await _s.As(Demo.Delegate);
        Assert.Contains("hidden", (await Assert.ThrowsAsync<InvalidInputException>(() => Comments.EditAsync(delegate_, id, "Sorry."))).Message);
        Assert.Contains("takes no replies", (await Assert.ThrowsAsync<InvalidInputException>(() =>
            Comments.ReplyAsync(delegate_, id, "But…"))).Message);
        Assert.IsType<NotFoundException>(await Record.ExceptionAsync(async () =>
            await Comments.ReplyAsync(await _s.As(Demo.CivilSociety), id, "What was it?")));
        Assert.Equal(before, await _s.SnapshotAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Hiding_needs_a_reason(string reason)
    {
        var (_, articles) = await _s.DeclarationAsync();
        var id = await _s.CommentAsync(Demo.Delegate, articles[0], "Borderline.");
        var before = await _s.SnapshotAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(async () =>
            await Comments.HideAsync(await _s.As(Demo.Secretariat), id, reason));

        Assert.Contains("Give the reason", error.Message);
        Assert.Equal(before, await _s.SnapshotAsync());
        Assert.False((await _s.FindCommentAsync(Demo.CivilSociety, id)).IsHidden);
    }

    [Fact]
    public async Task Markup_in_a_comment_is_stored_and_returned_exactly_as_written_and_reads_as_plain_text()
    {
        var (_, articles) = await _s.DeclarationAsync();
        const string body = "<script>alert('x')</script><img src=x onerror=alert(1)> <b>bold</b> & \"quoted\" javascript:alert(2)";

        var id = await _s.CommentAsync(Demo.Delegate, articles[0], body);

        Assert.Equal(body, (await _s.FindCommentAsync(Demo.Observer, id)).Body);
        await using var db = await _s.DbAsync();
        Assert.Equal(body, (await db.Comments.SingleAsync(c => c.Id == id)).Body);
        // What the pages render from: text only, no link, nothing to interpret as markup.
        Assert.Equal([new PlainTextRun(body)], PlainTextWithLinks.Parse(body));
    }

    [Fact]
    public async Task Comments_are_filtered_by_article_kind_organisation_regional_group_status_and_words()
    {
        var (declarationId, articles) = await _s.DeclarationAsync(true, Scenario.ArticleText, "Everyone has duties to the community.");
        var amaria = await _s.CommentAsync(Demo.Delegate, articles[0], "Amaria wants stronger duties.");
        var gsn = await _s.CommentAsync(Demo.CivilSociety, articles[0], "Civil society must be consulted.");
        var serrania = await _s.CommentAsync(Demo.SecondDelegate, articles[1], "Serrania questions the community.");
        await Comments.ReplyAsync(await _s.As(Demo.CivilSociety), serrania, "We answer Serrania.");
        await Comments.SetAddressedAsync(await _s.As(Demo.Secretariat), gsn, true);
        var reader = await _s.As(Demo.Observer);

        async Task<Guid[]> Roots(CommentFilter filter) =>
            (await Comments.ListAsync(reader, filter)).Select(t => t.Root.Id).ToArray();

        Assert.Equal([amaria, gsn, serrania], await Roots(new CommentFilter(declarationId)));
        Assert.Equal([amaria, gsn], await Roots(new CommentFilter(declarationId, ArticleId: articles[0])));
        Assert.Equal([serrania], await Roots(new CommentFilter(declarationId, ArticleId: articles[1])));
        Assert.Equal([amaria, serrania], await Roots(new CommentFilter(declarationId, Kind: StakeholderKind.MemberState)));
        // A thread is listed when one of its replies matches.
        Assert.Equal([gsn, serrania], await Roots(new CommentFilter(declarationId, Kind: StakeholderKind.CivilSocietyOrganisation)));
        Assert.Empty(await Roots(new CommentFilter(declarationId, Kind: StakeholderKind.NationalHumanRightsInstitution)));
        Assert.Equal([amaria], await Roots(new CommentFilter(declarationId,
            OrganisationId: await _s.OrganisationIdAsync("Republic of Amaria"))));
        Assert.Equal([serrania], await Roots(new CommentFilter(declarationId, RegionalGroup: RegionalGroup.LatinAmericanAndCaribbeanStates)));
        Assert.Equal([amaria], await Roots(new CommentFilter(declarationId, RegionalGroup: RegionalGroup.AfricanStates)));
        Assert.Equal([gsn], await Roots(new CommentFilter(declarationId, Status: CommentStatus.Addressed)));
        Assert.Equal([amaria, serrania], await Roots(new CommentFilter(declarationId, Status: CommentStatus.Open)));
        Assert.Equal([amaria], await Roots(new CommentFilter(declarationId, Search: "STRONGER")));
        Assert.Equal([serrania], await Roots(new CommentFilter(declarationId, Search: "we answer")));
        Assert.Equal([gsn, serrania], await Roots(new CommentFilter(declarationId, Search: "Priya Raman")));
        Assert.Equal([amaria], await Roots(new CommentFilter(declarationId, ArticleId: articles[0], Kind: StakeholderKind.MemberState)));
        Assert.Empty(await Roots(new CommentFilter(declarationId, Search: "nowhere to be found")));
    }
}

/// <summary>The comment limit comes from configuration (Comments:MaxLength).</summary>
public sealed class CommentLimitTests(PostgresServer postgres)
{
    [Fact]
    public async Task The_longest_comment_is_configurable()
    {
        await using var app = await TestApp.StartAsync(postgres, settings => settings["Comments:MaxLength"] = "50");
        var s = new Scenario(app);
        var (_, articles) = await s.DeclarationAsync();
        var before = await s.SnapshotAsync();

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => s.CommentAsync(Demo.Delegate, articles[0], new string('y', 51)));

        Assert.Equal("The comment is too long: 51 characters, and a comment may have at most 50.", error.Message);
        Assert.Equal(before, await s.SnapshotAsync());
        var id = await s.CommentAsync(Demo.Delegate, articles[0], new string('y', 50));
        Assert.Equal(50, (await s.FindCommentAsync(Demo.Delegate, id)).Body!.Length);
    }
}
