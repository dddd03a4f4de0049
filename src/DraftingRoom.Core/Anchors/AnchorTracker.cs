using System.Text;
using DraftingRoom.Core.Collaboration;

namespace DraftingRoom.Core.Anchors;

/// <summary>
/// Moves comment anchors through the live edits of a proposal, one <see cref="TextOperation"/> at a time.
/// </summary>
/// <remarks>
/// Text inserted strictly inside the span extends it; text inserted exactly at its start or its end stays outside,
/// so typing next to a commented phrase does not grow the comment. Deleting part of the span shrinks it. Once every
/// quoted character is deleted the anchor is <see cref="AnchorStatus.Lost"/>, even if something was typed in their
/// place. The anchor is <see cref="AnchorStatus.Kept"/> while its quote is unchanged, otherwise
/// <see cref="AnchorStatus.Changed"/>, with the new quote.
/// </remarks>
public static class AnchorTracker
{
    /// <summary>Moves an anchor through one operation.</summary>
    /// <param name="anchor">An anchor in the document the operation applies to.</param>
    /// <param name="operation">The edit.</param>
    /// <returns>The anchor in the edited document, or <see cref="AnchorUpdate.Lost"/>.</returns>
    /// <exception cref="AnchorException">The anchor lies beyond the end of the operation's document.</exception>
    /// <exception cref="OperationException">The operation would split a surrogate pair of the quoted text.</exception>
    public static AnchorUpdate Through(TextAnchor anchor, TextOperation operation)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        ArgumentNullException.ThrowIfNull(operation);
        if (anchor.End > operation.BaseLength)
        {
            throw new AnchorException(
                nameof(anchor), anchor.End,
                $"The anchor ends at {anchor.End} but the operation applies to a document of {operation.BaseLength} "
                + "characters: they belong to different versions.");
        }

        var quote = new StringBuilder(anchor.Length);
        var before = 0; // characters of the new document before the span
        var survives = false;
        var position = 0;
        foreach (var component in operation.Components)
        {
            switch (component.Kind)
            {
                case OperationComponentKind.Insert:
                    if (position <= anchor.Start)
                    {
                        before += component.Length;
                    }
                    else if (position < anchor.End)
                    {
                        quote.Append(component.Text);
                    }

                    continue;
                case OperationComponentKind.Retain:
                    EnsureNotInsidePair(anchor, position);
                    before += Math.Max(0, Math.Min(position + component.Length, anchor.Start) - position);
                    var from = Math.Max(position, anchor.Start);
                    var to = Math.Min(position + component.Length, anchor.End);
                    if (from < to)
                    {
                        quote.Append(anchor.Quote, from - anchor.Start, to - from);
                        survives = true;
                    }

                    break;
                default:
                    EnsureNotInsidePair(anchor, position);
                    break;
            }

            position += component.Length;
        }

        return survives
            ? AnchorUpdate.For(anchor, new TextAnchor(before, before + quote.Length, quote.ToString()))
            : AnchorUpdate.Lost;
    }

    /// <summary>Refuses an operation boundary between the two halves of a surrogate pair of the quote.</summary>
    private static void EnsureNotInsidePair(TextAnchor anchor, int position)
    {
        if (position > anchor.Start && position < anchor.End
            && Utf16.SplitsPair(anchor.Quote[position - anchor.Start - 1], anchor.Quote[position - anchor.Start]))
        {
            throw new OperationException(
                $"The operation has a boundary at position {position}, inside a character made of two UTF-16 code "
                + "units (a surrogate pair, such as an emoji) of a commented passage; edits must keep such characters whole.");
        }
    }
}
