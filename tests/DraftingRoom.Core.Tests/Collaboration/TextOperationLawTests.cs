using DraftingRoom.Core.Collaboration;

namespace DraftingRoom.Core.Tests.Collaboration;

public class TextOperationLawTests
{
    private const int Cases = 3000;

    [Fact]
    public void Applying_an_operation_then_its_inverse_restores_the_document() => Property.ForAll(Cases, random =>
    {
        var document = RandomEdits.Text(random, 20);
        var operation = RandomEdits.Operation(random, document);

        var inverse = operation.Invert(document);

        Assert.Equal(document, inverse.Apply(operation.Apply(document)));
    });

    [Fact]
    public void Applying_a_composition_equals_applying_both_operations_in_turn() => Property.ForAll(Cases, random =>
    {
        var document = RandomEdits.Text(random, 20);
        var first = RandomEdits.Operation(random, document);
        var middle = first.Apply(document);
        var second = RandomEdits.Operation(random, middle);

        var composed = TextOperation.Compose(first, second);

        Assert.Equal(second.Apply(middle), composed.Apply(document));
        Assert.Equal(first.BaseLength, composed.BaseLength);
        Assert.Equal(second.TargetLength, composed.TargetLength);
    });

    [Fact]
    public void Composition_is_associative() => Property.ForAll(Cases, random =>
    {
        var document = RandomEdits.Text(random, 15);
        var a = RandomEdits.Operation(random, document);
        var b = RandomEdits.Operation(random, a.Apply(document));
        var c = RandomEdits.Operation(random, b.Apply(a.Apply(document)));

        Assert.Equal(
            TextOperation.Compose(TextOperation.Compose(a, b), c),
            TextOperation.Compose(a, TextOperation.Compose(b, c)));
    });

    [Fact]
    public void Transformed_concurrent_operations_converge_in_either_order() => Property.ForAll(Cases, random =>
    {
        var document = RandomEdits.Text(random, 20);
        var first = RandomEdits.Operation(random, document);
        var second = RandomEdits.Operation(random, document);

        var (firstPrime, secondPrime) = TextOperation.Transform(first, second);

        Assert.Equal(secondPrime.Apply(first.Apply(document)), firstPrime.Apply(second.Apply(document)));
    });

    [Fact]
    public void Transforming_only_the_first_operation_gives_the_first_half_of_the_full_transform() => Property.ForAll(Cases, random =>
    {
        var document = RandomEdits.Text(random, 20);
        var first = RandomEdits.Operation(random, document);
        var second = RandomEdits.Operation(random, document);

        Assert.Equal(TextOperation.Transform(first, second).FirstPrime, TextOperation.TransformFirst(first, second));
    });

    [Fact]
    public void Single_edits_transform_by_the_shortcut_exactly_as_by_the_general_algorithm() => Property.ForAll(Cases, random =>
    {
        var document = RandomEdits.Text(random, 8);
        var first = RandomEdits.SingleEdit(random, document);
        var second = random.Next(4) == 0 ? RandomEdits.Operation(random, document) : RandomEdits.SingleEdit(random, document);

        var expected = TextOperation.TransformComponents(first, second);
        Assert.Equal(expected, TextOperation.Transform(first, second));
        Assert.Equal(expected.FirstPrime, TextOperation.TransformFirst(first, second));
        Assert.Equal(TextOperation.TransformComponents(second, first).FirstPrime, TextOperation.TransformFirst(second, first));
    });

    [Fact]
    public void A_gap_buffer_gives_the_same_result_as_a_string_over_a_run_of_operations() => Property.ForAll(300, random =>
    {
        var document = RandomEdits.Text(random, 30);
        var buffer = new TextBuffer(document);
        for (var step = 0; step < 40; step++)
        {
            var operation = RandomEdits.Operation(random, document);
            document = operation.Apply(document);
            buffer.Apply(operation);
            Assert.Equal(document.Length, buffer.Length);
        }

        Assert.Equal(document, buffer.ToString());
    });

    [Fact]
    public void A_transformed_index_still_points_at_the_same_character_when_it_survives() => Property.ForAll(Cases, random =>
    {
        var document = RandomEdits.Text(random, 20);
        var operation = RandomEdits.Operation(random, document);
        var result = operation.Apply(document);
        var survivors = RetainedPositions(operation);

        foreach (var index in survivors)
        {
            var moved = operation.TransformIndex(index);
            Assert.Equal(document[index], result[moved]);

            // Staying before inserts only differs by the text inserted exactly at the position.
            var stayed = operation.TransformIndex(index, stayBeforeInserts: true);
            Assert.InRange(stayed, 0, moved);
            Assert.Equal(moved - stayed, InsertedAt(operation, index));
        }
    });

    private static int InsertedAt(TextOperation operation, int index)
    {
        var position = 0;
        foreach (var component in operation.Components)
        {
            if (component.Kind == OperationComponentKind.Insert)
            {
                if (position == index)
                {
                    return component.Length;
                }
            }
            else
            {
                position += component.Length;
            }
        }

        return 0;
    }

    private static List<int> RetainedPositions(TextOperation operation)
    {
        var positions = new List<int>();
        var position = 0;
        foreach (var component in operation.Components)
        {
            if (component.Kind == OperationComponentKind.Insert)
            {
                continue;
            }

            if (component.Kind == OperationComponentKind.Retain)
            {
                positions.AddRange(Enumerable.Range(position, component.Length));
            }

            position += component.Length;
        }

        return positions;
    }
}
