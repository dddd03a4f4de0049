using System.Text.RegularExpressions;

namespace DraftingRoom.Core.Drafting;

/// <summary>
/// Finds the opening words of a preambular paragraph, which United Nations documents set in italics: a participle
/// or adjective ("Recalling", "Concerned", "Mindful"), with an adverb before it ("Deeply concerned") or after it
/// ("Recognizing also", "Noting further"), or a set phrase ("Bearing in mind", "Taking into account", "Noting with
/// concern"). French and Spanish participles ("Rappelant", "Reconociendo") are recognised by their endings. The
/// opening formula ("The General Assembly,"), the closing one ("Has adopted…") and scripts without italics
/// (Arabic, Chinese) have no opening.
/// </summary>
public static partial class PreambleOpening
{
    /// <summary>Splits a preambular paragraph into its opening words and the rest.</summary>
    /// <returns>The opening (empty when there is none) and the rest of the text, which together give the text back.</returns>
    public static (string Opening, string Remainder) Split(string text)
    {
        var match = Opening().Match(text);
        if (!match.Success || (match.Groups["phrase"].Success is false && !IsParticiple(match.Groups["word"].Value)))
        {
            return ("", text);
        }

        var length = match.Length;
        return (text[..length], text[length..]);
    }

    private static bool IsParticiple(string word) =>
        Participle().IsMatch(word) || Adjectives.Contains(word);

    private static readonly HashSet<string> Adjectives = new(StringComparer.OrdinalIgnoreCase)
    {
        "Aware", "Mindful", "Conscious", "Cognizant", "Cognisant", "Desirous", "Resolved", "Eager", "Keen", "Grateful",
        "Consciente", "Conscientes", "Désireux", "Deseosa", "Deseosos",
    };

    // An optional adverb in -ly, then a set phrase or a capitalised word, then an optional continuing adverb.
    [GeneratedRegex(
        """
        ^(?:(?<adverb>[A-Z][a-z]+ly)\s+)?
        (?:(?<phrase>(?i:Bearing\s+in\s+mind|Taking\s+into\s+account|Taking\s+into\s+consideration|Taking\s+note|Noting\s+with\s+(?:deep\s+|grave\s+)?(?:concern|appreciation|satisfaction))|Having\s+(?:considered|examined|adopted))
          |(?<word>(?(adverb)[a-z]|[A-ZÀ-Ý])[\p{L}'-]*))
        (?:\s+(?:also|further|furthermore|moreover|therefore|again|in\s+particular|with\s+concern|with\s+appreciation|with\s+satisfaction|with\s+deep\s+concern|además|también|en\s+outre|également|aussi))?
        (?=[\s,]|$)
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex Opening();

    // English participles in -ing or -ed, French present participles in -ant, Spanish gerunds in -ando or -iendo,
    // and their past participles (-é, -ée, -ado, -ada, -ido, -ida with plurals).
    [GeneratedRegex(@"^[\p{L}'-]{3,}(?:ing|ed|ant|ando|iendo|é|ée|és|ées|ado|ada|ados|adas|ido|ida|idos|idas)$", RegexOptions.CultureInvariant)]
    private static partial Regex Participle();
}
