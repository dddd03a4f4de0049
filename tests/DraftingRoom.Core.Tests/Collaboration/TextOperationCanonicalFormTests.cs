using DraftingRoom.Core.Collaboration;

namespace DraftingRoom.Core.Tests.Collaboration;

public class TextOperationCanonicalFormTests
{
    [Fact]
    public void Adjacent_steps_of_the_same_kind_are_merged()
    {
        var operation = TextOperation.Builder().Retain(2).Retain(3).Insert("a").Insert("b").Delete(1).Delete(2).Build();

        Assert.Equal("""[5,"ab",-3]""", operation.ToJson());
    }

    [Fact]
    public void Empty_steps_are_dropped()
    {
        var operation = TextOperation.Builder().Retain(0).Insert("").Delete(0).Retain(4).Build();

        Assert.Equal("[4]", operation.ToJson());
    }

    [Fact]
    public void An_insert_next_to_a_delete_is_put_first()
    {
        var operation = TextOperation.Builder().Retain(1).Delete(2).Insert("x").Retain(1).Build();

        Assert.Equal("""[1,"x",-2,1]""", operation.ToJson());
    }

    [Fact]
    public void Inserts_on_either_side_of_a_delete_are_merged_before_it()
    {
        var operation = TextOperation.Builder().Insert("a").Delete(2).Insert("b").Build();

        Assert.Equal("""["ab",-2]""", operation.ToJson());
    }

    [Fact]
    public void Operations_with_the_same_effect_built_in_different_orders_are_equal()
    {
        var a = TextOperation.Builder().Retain(1).Delete(1).Insert("x").Retain(1).Retain(1).Build();
        var b = TextOperation.Parse("""[1, "x", -1, 2]""");

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, TextOperation.Parse("""[1, "y", -1, 2]"""));
    }

    [Fact]
    public void Lengths_count_utf16_code_units()
    {
        var operation = TextOperation.Parse("""[3, "😀", -2]""");

        Assert.Equal(5, operation.BaseLength);
        Assert.Equal(5, operation.TargetLength);
    }

    [Fact]
    public void Negative_counts_are_refused_by_the_builder()
    {
        Assert.Throws<OperationException>(() => TextOperation.Builder().Retain(-1));
        Assert.Throws<OperationException>(() => TextOperation.Builder().Delete(-1));
    }
}
