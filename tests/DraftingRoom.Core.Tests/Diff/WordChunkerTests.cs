using DraftingRoom.Core.Diff;

namespace DraftingRoom.Core.Tests.Diff;

public class WordChunkerTests
{
    private static IReadOnlyList<string> Chunk(string text) => WordChunker.Instance.Chunk(text);

    [Fact]
    public void Words_white_space_and_punctuation_are_separate_tokens()
    {
        Assert.Equal(["States", " ", "shall", " ", "respect", "  ", "rights", ",", " ", "freedoms", "."], Chunk("States shall respect  rights, freedoms."));
    }

    [Fact]
    public void Each_punctuation_mark_is_its_own_token()
    {
        Assert.Equal(["(", "a", ")", "…", "«", " ", "co", "-", "operation", " ", "»", ";", ";"], Chunk("(a)…« co-operation »;;"));
    }

    [Fact]
    public void Apostrophes_inside_words_belong_to_the_word()
    {
        Assert.Equal(["State's", " ", "l’homme", " ", "'", "quoted", "'", " ", "peoples", "'"], Chunk("State's l’homme 'quoted' peoples'"));
    }

    [Fact]
    public void Letters_of_any_script_with_combining_marks_form_words()
    {
        Assert.Equal(["التضامن", " ", "الدولي", "،", " ", "Солидарность", " ", "e\u0301te\u0301", " ", "हिन्दी"], Chunk("التضامن الدولي، Солидарность e\u0301te\u0301 हिन्दी"));
    }

    [Fact]
    public void Arabic_with_diacritics_stays_one_word()
    {
        Assert.Equal(["الحَقّ", " ", "١٢٣"], Chunk("الحَقّ ١٢٣"));
    }

    [Fact]
    public void Cjk_ideographs_are_one_token_each()
    {
        Assert.Equal(["国", "际", "团", "结", "权", "。", "ひ", "ら", " ", "한국어", " ", "단어"], Chunk("国际团结权。ひら 한국어 단어"));
    }

    [Fact]
    public void Emoji_and_surrogate_pairs_are_never_split()
    {
        var family = "👨‍👩‍👧";
        var flag = "🇺🇳";
        var tokens = Chunk($"peace🕊️{family}{flag} 𝒜𝒷 \U00020000\U00020001");

        Assert.Equal(["peace", "🕊️", family, flag, " ", "𝒜𝒷", " ", "\U00020000", "\U00020001"], tokens);
    }

    [Fact]
    public void A_lone_surrogate_is_kept()
    {
        var text = "a\uD800b";

        Assert.Equal(text, string.Concat(Chunk(text)));
    }

    [Fact]
    public void Line_breaks_are_white_space()
    {
        Assert.Equal(["one", ".", "\r\n\n", "two"], Chunk("one.\r\n\ntwo"));
    }

    [Fact]
    public void An_empty_text_has_no_tokens()
    {
        Assert.Empty(Chunk(""));
    }

    [Theory]
    [InlineData("Recalling the Charter of the United Nations, and reaffirming — as in 1945 — its purposes.")]
    [InlineData("  leading and trailing  ")]
    [InlineData("混合 text 和 العربية 🎉!")]
    public void Tokens_concatenate_to_the_text(string text)
    {
        Assert.Equal(text, string.Concat(Chunk(text)));
    }
}
