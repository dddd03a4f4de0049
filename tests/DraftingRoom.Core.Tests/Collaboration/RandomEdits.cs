using System.Text;
using DraftingRoom.Core.Collaboration;

namespace DraftingRoom.Core.Tests.Collaboration;

/// <summary>Random documents and operations, with characters outside the BMP so surrogate pairs are exercised.</summary>
internal static class RandomEdits
{
    private static readonly string[] Pieces =
        ["a", "b", "c", "d", " ", "\n", "é", "ß", "中", "文", "😀", "👍", "🏽", "𝔸", "🇺🇳"];

    public static string Text(Random random, int maxCharacters)
    {
        var text = new StringBuilder();
        var count = random.Next(maxCharacters + 1);
        for (var i = 0; i < count; i++)
        {
            text.Append(Pieces[random.Next(Pieces.Length)]);
        }

        return text.ToString();
    }

    public static string NonEmptyText(Random random, int maxCharacters)
    {
        string text;
        do
        {
            text = Text(random, maxCharacters);
        }
        while (text.Length == 0);

        return text;
    }

    /// <summary>A keystroke-like operation on <paramref name="document"/>: one insert, or one deletion of whole
    /// characters, at a random place, often right next to the document's ends.</summary>
    public static TextOperation SingleEdit(Random random, string document)
    {
        var boundaries = Boundaries(document);
        var start = random.Next(4) == 0 ? (random.Next(2) == 0 ? 0 : boundaries.Count - 1) : random.Next(boundaries.Count);
        var builder = TextOperation.Builder().Retain(boundaries[start]);
        if (start == boundaries.Count - 1 || random.Next(2) == 0)
        {
            builder.Insert(NonEmptyText(random, 3));
        }
        else
        {
            var end = start + 1 + random.Next(Math.Min(boundaries.Count - 1 - start, 4));
            builder.Delete(boundaries[end] - boundaries[start]);
            start = end;
        }

        return builder.Retain(document.Length - boundaries[start]).Build();
    }

    /// <summary>A random operation on <paramref name="document"/> whose boundaries all fall between whole characters.</summary>
    public static TextOperation Operation(Random random, string document)
    {
        var boundaries = Boundaries(document);
        var builder = TextOperation.Builder();
        var at = 0; // index into boundaries
        while (true)
        {
            var left = boundaries.Count - 1 - at;
            switch (random.Next(left == 0 ? 2 : 5))
            {
                case 0:
                    if (random.Next(3) == 0)
                    {
                        builder.Insert(NonEmptyText(random, 4));
                    }

                    break;
                case 1 when left == 0:
                    return builder.Build();
                case 1 or 2:
                {
                    var next = at + 1 + random.Next(Math.Min(left, 6));
                    builder.Retain(boundaries[next] - boundaries[at]);
                    at = next;
                    break;
                }

                default:
                {
                    var next = at + 1 + random.Next(Math.Min(left, 4));
                    builder.Delete(boundaries[next] - boundaries[at]);
                    at = next;
                    break;
                }
            }
        }
    }

    /// <summary>The UTF-16 positions that fall between whole characters, 0 and the length included.</summary>
    public static List<int> Boundaries(string document)
    {
        var boundaries = new List<int> { 0 };
        for (var i = 0; i < document.Length; i += char.IsSurrogatePair(document, i) ? 2 : 1)
        {
            boundaries.Add(i + (char.IsSurrogatePair(document, i) ? 2 : 1));
        }

        return boundaries;
    }
}
