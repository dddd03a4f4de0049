using DraftingRoom.Core.Anchors;
using DraftingRoom.Core.Collaboration;
using DraftingRoom.Core.Tests.Collaboration;

namespace DraftingRoom.Core.Tests.Anchors;

/// <summary>Seeded random edits around anchors (see <see cref="Property"/> for replaying a failing seed).</summary>
public class AnchorPropertyTests
{
    private const int Cases = 1_000;

    private static readonly string[] Words =
    [
        "States", "shall", "should", "respect", "the", "right", "to", "solidarity", "of", "and", "in", "good", "faith",
        "State's", "all", "other", "each", "التضامن", "الدولي", "国际", "团结", "Солидарность", "🕊️", "😀", "café",
        "e\u0301", "𝒜",
    ];

    private static readonly string[] Endings = ["", "", "", "", ",", ";", ".", ".\n\n", ":", " —"];

    [Fact]
    public void Tracker_keeps_the_quote_through_edits_outside_the_span() =>
        Property.ForAll(Cases, random =>
        {
            var document = RandomEdits.NonEmptyText(random, 40);
            var anchor = RandomAnchor(random, document);

            var operation = OperationOutside(random, document, anchor);
            var update = AnchorTracker.Through(anchor, operation);

            Assert.Equal(AnchorStatus.Kept, update.Status);
            Assert.Equal(anchor.Quote, update.Anchor!.Quote);
            Assert.Equal(anchor.Quote, operation.Apply(document)[update.Anchor.Start..update.Anchor.End]);
        });

    [Fact]
    public void Tracker_anchors_always_quote_the_edited_document() =>
        Property.ForAll(Cases, random =>
        {
            var document = RandomEdits.NonEmptyText(random, 40);
            var anchor = RandomAnchor(random, document);
            for (var step = 0; step < 5 && anchor is not null; step++)
            {
                var operation = RandomEdits.Operation(random, document);
                var update = AnchorTracker.Through(anchor, operation);
                document = operation.Apply(document);
                if (update.Anchor is { } moved)
                {
                    Assert.Equal(moved.Quote, document[moved.Start..moved.End]);
                    Assert.Equal(update.Status == AnchorStatus.Kept, moved.Quote == anchor.Quote);
                }
                else
                {
                    Assert.Equal(AnchorStatus.Lost, update.Status);
                }

                anchor = update.Anchor;
            }
        });

    [Fact]
    public void Remapper_keeps_the_quote_through_edits_outside_the_span() =>
        Property.ForAll(Cases, random =>
        {
            var units = RandomUnits(random);
            var first = random.Next(units.Count);
            var last = Math.Min(units.Count - 1, first + random.Next(4));
            var oldText = string.Join(" ", units);
            var anchor = UnitsAnchor(units, first, last, trimEnding: random.Next(2) == 0);

            // Replace, insert and delete units before and after the quoted ones.
            var before = units.Take(first).ToList();
            var after = units.Skip(last + 1).ToList();
            EditUnits(random, before);
            EditUnits(random, after);
            var quoted = units.Skip(first).Take(last - first + 1);
            var edited = before.Concat(quoted).Concat(after).ToList();
            var newText = string.Join(" ", edited);
            var expected = UnitsAnchor(edited, before.Count, before.Count + last - first, anchor.Quote.Length != string.Join(" ", quoted).Length);

            var update = AnchorRemapper.Remap(anchor, oldText, newText);

            Assert.True(
                update.Status == AnchorStatus.Kept,
                $"{update.Status} for \"{anchor.Quote}\"\nOld: {oldText}\nNew: {newText}\nGot: {update.Anchor}");
            Assert.Equal(anchor.Quote, update.Anchor!.Quote);
            Assert.Equal(anchor.Quote, newText[update.Anchor.Start..update.Anchor.End]);
            if (newText.IndexOf(anchor.Quote, StringComparison.Ordinal) == newText.LastIndexOf(anchor.Quote, StringComparison.Ordinal))
            {
                Assert.Equal(expected, update.Anchor);
            }
        });

    [Fact]
    public void Remapped_anchors_always_quote_the_new_text() =>
        Property.ForAll(Cases, random =>
        {
            var units = RandomUnits(random);
            var first = random.Next(units.Count);
            var last = Math.Min(units.Count - 1, first + random.Next(4));
            var oldText = string.Join(" ", units);
            var anchor = UnitsAnchor(units, first, last, trimEnding: random.Next(2) == 0);
            EditUnits(random, units);
            var newText = string.Join(" ", units);

            var update = AnchorRemapper.Remap(anchor, oldText, newText);

            if (update.Anchor is { } moved)
            {
                Assert.Equal(moved.Quote, newText[moved.Start..moved.End]);
                Assert.Equal(update.Status == AnchorStatus.Kept, moved.Quote == anchor.Quote);
            }
            else
            {
                Assert.Equal(AnchorStatus.Lost, update.Status);
            }
        });

    private static TextAnchor RandomAnchor(Random random, string document)
    {
        var boundaries = RandomEdits.Boundaries(document);
        var a = random.Next(boundaries.Count - 1);
        var b = a + 1 + random.Next(boundaries.Count - 1 - a);
        return TextAnchor.Create(document, boundaries[a], boundaries[b]);
    }

    /// <summary>Random inserts and deletes before the span and after it; inserts may touch its edges.</summary>
    private static TextOperation OperationOutside(Random random, string document, TextAnchor anchor)
    {
        var builder = TextOperation.Builder();
        EditRange(random, builder, document, 0, anchor.Start);
        builder.Retain(anchor.Length);
        EditRange(random, builder, document, anchor.End, document.Length);
        return builder.Build();
    }

    private static void EditRange(Random random, TextOperationBuilder builder, string document, int from, int to)
    {
        var boundaries = RandomEdits.Boundaries(document).Where(b => b >= from && b <= to).ToList();
        for (var i = 0; i + 1 < boundaries.Count; i++)
        {
            if (random.Next(4) == 0)
            {
                builder.Insert(RandomEdits.NonEmptyText(random, 3));
            }

            var length = boundaries[i + 1] - boundaries[i];
            _ = random.Next(3) == 0 ? builder.Delete(length) : builder.Retain(length);
        }

        if (random.Next(3) == 0)
        {
            builder.Insert(RandomEdits.NonEmptyText(random, 3));
        }
    }

    /// <summary>Words, some followed by punctuation or a paragraph break; the text joins them with spaces.</summary>
    private static List<string> RandomUnits(Random random) =>
        Enumerable.Range(0, random.Next(1, 25)).Select(_ => RandomUnit(random)).ToList();

    private static string RandomUnit(Random random) =>
        Words[random.Next(Words.Length)] + Endings[random.Next(Endings.Length)];

    private static void EditUnits(Random random, List<string> units)
    {
        for (var n = random.Next(4); n > 0; n--)
        {
            var at = random.Next(units.Count + 1);
            switch (random.Next(3))
            {
                case 0:
                    units.Insert(at, RandomUnit(random));
                    break;
                case 1 when at < units.Count:
                    units[at] = RandomUnit(random);
                    break;
                case 2 when at < units.Count:
                    units.RemoveAt(at);
                    break;
            }
        }
    }

    /// <summary>The anchor over units <c>[first, last]</c> of the text, without the last one's ending if asked.</summary>
    private static TextAnchor UnitsAnchor(List<string> units, int first, int last, bool trimEnding)
    {
        var start = units.Take(first).Sum(u => u.Length + 1);
        var end = start + units.Skip(first).Take(last - first + 1).Sum(u => u.Length + 1) - 1;
        if (trimEnding)
        {
            var ending = Endings.Where(e => e.Length > 0 && units[last].EndsWith(e, StringComparison.Ordinal)).MaxBy(e => e.Length);
            end -= ending?.Length ?? 0;
        }

        return TextAnchor.Create(string.Join(" ", units), start, end);
    }
}
