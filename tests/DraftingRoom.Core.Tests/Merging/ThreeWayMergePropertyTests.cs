using DraftingRoom.Core.Merging;
using DraftingRoom.Core.Tests.Collaboration;

namespace DraftingRoom.Core.Tests.Merging;

/// <summary>
/// Seeded random merges of realistic texts (see <see cref="Property"/> for replaying a failing seed).
/// </summary>
public class ThreeWayMergePropertyTests
{
    private const int Cases = 500;

    private static readonly string[] Words =
    [
        "States", "shall", "should", "may", "respect", "protect", "fulfil", "the", "right", "to", "international",
        "solidarity", "cooperation", "peoples", "of", "and", "in", "good", "faith", "State's", "all", "other",
        "التضامن", "الدولي", "国际", "团结", "Солидарность", "🕊️", "café", "e\u0301", "𝒜",
    ];

    private static readonly string[] Punctuation = [",", ";", ":", " —", " (a)"];

    [Fact]
    public void When_ours_is_the_base_the_result_is_theirs_exactly() =>
        Property.ForAll(Cases, random =>
        {
            var baseText = RandomText(random);
            var theirs = EditAnywhere(baseText, random);

            Assert.Equal(theirs, MergeWithoutConflicts(baseText, baseText, theirs));
        });

    [Fact]
    public void When_theirs_is_the_base_the_result_is_ours_exactly() =>
        Property.ForAll(Cases, random =>
        {
            var baseText = RandomText(random);
            var ours = EditAnywhere(baseText, random);

            Assert.Equal(ours, MergeWithoutConflicts(baseText, ours, baseText));
        });

    [Fact]
    public void When_both_sides_make_the_same_edits_they_are_taken_once() =>
        Property.ForAll(Cases, random =>
        {
            var baseText = RandomText(random);
            var edited = EditAnywhere(baseText, random);

            Assert.Equal(edited, MergeWithoutConflicts(baseText, edited, edited));
        });

    [Fact]
    public void Edits_in_disjoint_paragraphs_all_reach_the_result() =>
        Property.ForAll(Cases, random =>
        {
            var paragraphs = RandomParagraphs(random);
            var ours = paragraphs.ToArray();
            var theirs = paragraphs.ToArray();
            var expected = paragraphs.ToArray();
            for (var i = 0; i < paragraphs.Length; i++)
            {
                switch (random.Next(3))
                {
                    case 0:
                        ours[i] = expected[i] = EditParagraph(paragraphs[i], random);
                        break;
                    case 1:
                        theirs[i] = expected[i] = EditParagraph(paragraphs[i], random);
                        break;
                }
            }

            var merged = MergeWithoutConflicts(Join(paragraphs), Join(ours), Join(theirs));

            Assert.Equal(Join(expected), merged);
        });

    [Fact]
    public void Chunks_cover_the_base_and_conflicts_are_numbered_in_order() =>
        Property.ForAll(Cases, random =>
        {
            var baseText = RandomText(random);
            var ours = EditAnywhere(baseText, random);
            var theirs = EditAnywhere(baseText, random);

            var result = ThreeWayMerge.Merge(baseText, ours, theirs);

            Assert.Equal(baseText, string.Concat(result.Chunks.Select(c => c.BaseText)));
            Assert.Equal(
                Enumerable.Range(0, result.Conflicts.Count),
                result.Chunks.OfType<ConflictChunk>().Select(c => c.Index));
            Assert.DoesNotContain(result.Chunks, c => c is ConflictChunk { OursText: var o, TheirsText: var t } && o == t);

            var oursEverywhere = result.Resolve(result.Conflicts.ToDictionary(c => c.Index, _ => ConflictResolution.Ours));
            var theirsEverywhere = result.Resolve(result.Conflicts.ToDictionary(c => c.Index, _ => ConflictResolution.Theirs));
            Assert.Equal(oursEverywhere == theirsEverywhere, !result.HasConflicts);
        });

    private static string MergeWithoutConflicts(string baseText, string ours, string theirs)
    {
        var result = ThreeWayMerge.Merge(baseText, ours, theirs);
        Assert.False(
            result.HasConflicts,
            $"Unexpected conflicts: {string.Join(" | ", result.Conflicts.Select(c => $"[{c.BaseText}] ours [{c.OursText}] theirs [{c.TheirsText}]"))}"
            + $"\nBase: {baseText}\nOurs: {ours}\nTheirs: {theirs}");
        return result.Text;
    }

    private static string Join(IEnumerable<string> paragraphs) => string.Join("\n\n", paragraphs);

    private static string RandomText(Random random) => random.Next(10) == 0 ? "" : Join(RandomParagraphs(random));

    private static string[] RandomParagraphs(Random random) =>
        Enumerable.Range(0, random.Next(1, 5)).Select(_ => RandomParagraph(random)).ToArray();

    private static string RandomParagraph(Random random)
    {
        var words = Enumerable.Range(0, random.Next(3, 15)).Select(_ => RandomWord(random)).ToList();
        for (var i = 1; i < words.Count - 1; i++)
        {
            if (random.Next(6) == 0)
            {
                words[i] += Punctuation[random.Next(Punctuation.Length)];
            }
        }

        return string.Join(" ", words) + ".";
    }

    private static string RandomWord(Random random) => Words[random.Next(Words.Length)];

    /// <summary>One to three edits of words within a paragraph: replace, insert or delete a word.</summary>
    private static string EditParagraph(string paragraph, Random random)
    {
        var words = paragraph[..^1].Split(' ').ToList();
        var original = string.Join(" ", words);
        for (var n = random.Next(1, 4); n > 0 || string.Join(" ", words) == original; n--)
        {
            var i = random.Next(words.Count);
            switch (random.Next(3))
            {
                case 0:
                    words[i] = RandomWord(random);
                    break;
                case 1:
                    words.Insert(i, RandomWord(random));
                    break;
                default:
                    if (words.Count > 1)
                    {
                        words.RemoveAt(i);
                    }

                    break;
            }
        }

        return string.Join(" ", words) + ".";
    }

    /// <summary>Edits anywhere, paragraph breaks included: word edits, a new or removed paragraph, a cut.</summary>
    private static string EditAnywhere(string text, Random random)
    {
        if (text.Length == 0)
        {
            return random.Next(2) == 0 ? "" : RandomParagraph(random);
        }

        var paragraphs = text.Split("\n\n").ToList();
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            switch (random.Next(6))
            {
                case 0:
                    paragraphs.Insert(random.Next(paragraphs.Count + 1), RandomParagraph(random));
                    break;
                case 1 when paragraphs.Count > 1:
                    paragraphs.RemoveAt(random.Next(paragraphs.Count));
                    break;
                case 2:
                    var joined = Join(paragraphs);
                    var cut = random.Next(joined.Length);
                    while (cut > 0 && char.IsLowSurrogate(joined[cut]))
                    {
                        cut--;
                    }

                    paragraphs = [.. joined[..cut].Split("\n\n")];
                    break;
                default:
                    var i = random.Next(paragraphs.Count);
                    if (paragraphs[i].Length > 1)
                    {
                        paragraphs[i] = EditParagraph(paragraphs[i], random);
                    }

                    break;
            }
        }

        return Join(paragraphs);
    }
}
