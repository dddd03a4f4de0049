using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Export;

namespace DraftingRoom.Core.Tests.Export;

public class PreambleOpeningTests
{
    [Theory]
    [InlineData("Recalling the Charter of the United Nations,", "Recalling")]
    [InlineData("Reaffirming, in this regard, its commitment,", "Reaffirming")]
    [InlineData("Bearing in mind that inequalities continue to grow,", "Bearing in mind")]
    [InlineData("Bearing in mind also the Vienna Declaration,", "Bearing in mind also")]
    [InlineData("Recognizing also the role of civil society,", "Recognizing also")]
    [InlineData("Deeply concerned by the impact of climate change,", "Deeply concerned")]
    [InlineData("Noting with concern that poverty persists,", "Noting with concern")]
    [InlineData("Taking into account the needs of developing countries,", "Taking into account")]
    [InlineData("Concerned that inequalities continue to grow,", "Concerned")]
    [InlineData("Mindful of the importance of cooperation,", "Mindful")]
    [InlineData("Rappelant la Charte des Nations Unies,", "Rappelant")]
    [InlineData("Recordando la Carta de las Naciones Unidas,", "Recordando")]
    [InlineData("The General Assembly,", "")]
    [InlineData("Has adopted the following declaration:", "")]
    [InlineData("إذ يشير إلى ميثاق الأمم المتحدة،", "")]
    [InlineData("回顾《联合国宪章》，", "")]
    [InlineData("", "")]
    public void The_opening_words_of_a_preambular_paragraph_are_found(string text, string opening)
    {
        var (found, rest) = PreambleOpening.Split(text);

        Assert.Equal(opening, found);
        Assert.Equal(text, found + rest);
    }
}
