using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Import;

namespace DraftingRoom.Core.Tests.Import;

public sealed class MarkdownInlineEmphasisTests
{
    [Fact]
    public void Emphasis_markers_inside_text_are_removed_so_the_stored_text_is_plain()
    {
        var draft = MarkdownDraftParser.Parse(
            "*Recalling* the **Charter** of the _United Nations_,\n\nArticle 1\n\nStates *shall* cooperate, as in snake_case_names and 2 * 3 * 4.",
            new DraftImportOptions());

        Assert.Equal("Recalling the Charter of the United Nations,", draft.Preamble.Single().Text);
        Assert.Equal("States shall cooperate, as in snake_case_names and 2 * 3 * 4.", draft.Articles.Single().Text);
    }
}
