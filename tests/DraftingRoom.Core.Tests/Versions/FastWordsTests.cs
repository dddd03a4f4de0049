using DraftingRoom.Core.Diff;
using DraftingRoom.Core.Versions;

namespace DraftingRoom.Core.Tests.Versions;

public class FastWordsTests
{
    private static List<string>? FastWordList(string text) =>
        FastWords.TryScan(text, out var spans) ? spans.Select(s => text.Substring(s.Start, s.Length)).ToList() : null;

    [Fact]
    public void Latin_texts_give_exactly_the_words_of_the_chunker()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789éèüößøçñÉʼªº²  \t\n\r\n.,;:!?()[]\"'’‘“”—–-…•/«»§%&*+=@\u00A0";
        var random = new Random(20261127);
        for (var n = 0; n < 2_000; n++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 80)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            var fast = FastWordList(text);

            Assert.NotNull(fast);
            Assert.Equal(WordChunker.Instance.Chunk(text).Where(IsWord).ToList(), fast);
        }

        foreach (var text in Sample.Preamble.Concat(Sample.Articles.Select(a => a.Text)).Append("The State’s duty and l'homme's rights—‘quoted’ "))
        {
            Assert.Equal(WordChunker.Instance.Chunk(text).Where(IsWord).ToList(), FastWordList(text));
        }
    }

    [Theory]
    [InlineData("Résumé with a combining accent: e\u0301")]
    [InlineData("Arabic: التضامن")]
    [InlineData("Chinese: 团结")]
    [InlineData("Emoji: 👍")]
    [InlineData("Joiner: a\u200Db")]
    public void Other_scripts_and_combining_characters_are_left_to_the_chunker(string text)
    {
        Assert.Null(FastWordList(text));
    }

    private static bool IsWord(string token) => token.EnumerateRunes().First() is var r && (System.Text.Rune.IsLetterOrDigit(r)
        || System.Globalization.CharUnicodeInfo.GetUnicodeCategory(r.Value) is System.Globalization.UnicodeCategory.NonSpacingMark
            or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark);
}
