using System.Text;
using DraftingRoom.Core.Diff;

namespace DraftingRoom.Core.Tests.Diff;

/// <summary>Random edits of realistic texts: whatever the edit, the diff must give both texts back exactly.</summary>
public class WordDiffPropertyTests
{
    private const int Cases = 3_000;

    private static readonly string[] Vocabulary =
    [
        "States", "shall", "should", "may", "respect", "protect", "fulfil", "the", "right", "to", "international",
        "solidarity", "cooperation", "peoples", "of", "and", "in", "good", "faith", "State's", "1.", "(a)",
        ",", ";", ".", ":", "—", "«", "»", "\"", "(", ")", "التضامن", "الدولي", "国际", "团结", "权", "Солидарность",
        "🕊️", "👨‍👩‍👧", "🇺🇳", "é", "e\u0301", "𝒜", "\n", "\n\n", " ", "  ", "\t",
    ];

    [Fact]
    public void Unchanged_and_deleted_segments_give_the_old_text_and_unchanged_and_inserted_the_new_text()
    {
        var baseSeed = Environment.TickCount;
        for (var i = 0; i < Cases; i++)
        {
            var seed = baseSeed + i;
            var random = new Random(seed);
            var oldText = RandomText(random);
            var newText = Edit(oldText, random);
            try
            {
                CheckTextDiff(oldText, newText);
                CheckSideBySide(oldText, newText);
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException(
                    $"Failed for seed {seed} (rerun with this seed to reproduce).\nOld: {Escape(oldText)}\nNew: {Escape(newText)}\n{ex.Message}", ex);
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(20240601)]
    public void Fixed_seeds(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 200; i++)
        {
            var oldText = RandomText(random);
            CheckTextDiff(oldText, Edit(oldText, random));
        }
    }

    private static void CheckTextDiff(string oldText, string newText)
    {
        var diff = WordDiff.Compare(oldText, newText);
        Assert.Equal(oldText, diff.OldText);
        Assert.Equal(newText, diff.NewText);
        Assert.Equal(oldText != newText, diff.HasChanges);
        Assert.All(diff.Segments, s => Assert.NotEmpty(s.Text));
        Assert.All(diff.Segments.Zip(diff.Segments.Skip(1)), pair => Assert.False(
            pair.First.Kind == pair.Second.Kind || (pair.First.Kind == DiffSegmentKind.Inserted && pair.Second.Kind == DiffSegmentKind.Deleted),
            $"{pair.First.Kind} followed by {pair.Second.Kind}"));
        var oldWords = WordChunker.Instance.Chunk(oldText).Count(WordChunker.IsWord);
        var newWords = WordChunker.Instance.Chunk(newText).Count(WordChunker.IsWord);
        Assert.Equal(newWords - oldWords, diff.WordsInserted - diff.WordsDeleted);
    }

    private static void CheckSideBySide(string oldText, string newText)
    {
        var diff = WordDiff.CompareSideBySide(oldText, newText);
        Assert.Equal(ParagraphsOf(oldText), diff.Rows.Where(r => r.Old is not null).Select(r => r.Old!.Text));
        Assert.Equal(ParagraphsOf(newText), diff.Rows.Where(r => r.New is not null).Select(r => r.New!.Text));
        Assert.All(diff.Rows.Where(r => r.Old is not null), r => Assert.DoesNotContain(r.Old!.Segments, s => s.Kind == DiffSegmentKind.Inserted));
        Assert.All(diff.Rows.Where(r => r.New is not null), r => Assert.DoesNotContain(r.New!.Segments, s => s.Kind == DiffSegmentKind.Deleted));
        Assert.Equal(
            Enumerable.Range(0, ParagraphsOf(oldText).Count),
            diff.Rows.Where(r => r.Old is not null).Select(r => r.Old!.ParagraphIndex));
    }

    private static List<string> ParagraphsOf(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
            .Aggregate(new List<StringBuilder> { new() }, (paragraphs, line) =>
            {
                if (line.Trim(' ', '\t').Length == 0)
                {
                    if (paragraphs[^1].Length > 0)
                    {
                        paragraphs.Add(new StringBuilder());
                    }
                }
                else
                {
                    if (paragraphs[^1].Length > 0)
                    {
                        paragraphs[^1].Append('\n');
                    }

                    paragraphs[^1].Append(line);
                }

                return paragraphs;
            })
            .Select(p => p.ToString().Trim())
            .Where(p => p.Length > 0)
            .ToList();

    private static string RandomText(Random random)
    {
        var text = new StringBuilder();
        var words = random.Next(0, 40);
        for (var i = 0; i < words; i++)
        {
            text.Append(Vocabulary[random.Next(Vocabulary.Length)]);
            if (random.Next(3) > 0)
            {
                text.Append(' ');
            }
        }

        return text.ToString();
    }

    private static string Edit(string text, Random random)
    {
        var tokens = WordChunker.Instance.Chunk(text).ToList();
        var edits = random.Next(0, 6);
        for (var e = 0; e < edits; e++)
        {
            var at = random.Next(tokens.Count + 1);
            switch (random.Next(4))
            {
                case 0:
                    tokens.Insert(at, Vocabulary[random.Next(Vocabulary.Length)]);
                    break;
                case 1 when at < tokens.Count:
                    tokens.RemoveAt(at);
                    break;
                case 2 when at < tokens.Count:
                    tokens[at] = Vocabulary[random.Next(Vocabulary.Length)];
                    break;
                case 3 when at < tokens.Count:
                    tokens.RemoveRange(at, Math.Min(random.Next(1, 6), tokens.Count - at));
                    break;
            }
        }

        return string.Concat(tokens);
    }

    private static string Escape(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
