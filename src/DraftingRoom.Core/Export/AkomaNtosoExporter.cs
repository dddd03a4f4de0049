using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using DraftingRoom.Core.Diff;
using DraftingRoom.Core.Versions;

namespace DraftingRoom.Core.Export;

/// <summary>What the Akoma Ntoso metadata says beyond the version itself.</summary>
/// <param name="Country">
/// The jurisdiction in the document's identifiers (FRBRcountry): "un" for documents of the United Nations, as the
/// Akoma Ntoso naming convention allows for international organisations.
/// </param>
/// <param name="Language">The language of the text, as an ISO 639-2 code ("eng", "fra", "ara", "zho").</param>
/// <param name="AuthorName">Who wrote the declaration (FRBRauthor of the work and the expression).</param>
/// <param name="GeneratedOn">
/// The date of the XML file (the manifestation), and of the work when the version has no date; today (UTC) when
/// <see langword="null"/>.
/// </param>
public sealed record AkomaNtosoOptions(
    string Country = "un",
    string Language = "eng",
    string AuthorName = "Independent Expert on human rights and international solidarity",
    DateOnly? GeneratedOn = null);

/// <summary>
/// Writes a version of a declaration as Akoma Ntoso 3.0 XML (OASIS LegalDocML), valid against the standard's schema.
/// </summary>
/// <remarks>
/// <para>
/// The document type is <c>&lt;statement name="declaration"&gt;</c>: the schema's type for "an official document of
/// a body that may or may not be normative in structure (statements, resolutions)", which a declaration adopted by
/// the General Assembly is; <c>&lt;act&gt;</c> and <c>&lt;bill&gt;</c> are for legislation. Its parts:
/// </para>
/// <list type="bullet">
/// <item><description>
/// <c>&lt;meta&gt;</c>: <c>&lt;identification&gt;</c> with FRBRWork, FRBRExpression and FRBRManifestation, each with
/// FRBRthis, FRBRuri, FRBRdate and FRBRauthor (and FRBRcountry, FRBRlanguage where required), identifiers after the
/// naming convention (<c>/akn/un/statement/declaration/2017-04-25/A-HRC-35-35/eng@2017-04-25</c>); and
/// <c>&lt;references&gt;</c> naming the author and the exporting software.
/// </description></item>
/// <item><description>
/// <c>&lt;preface&gt;</c>: the symbol in <c>&lt;docNumber&gt;</c>, the title in <c>&lt;docTitle&gt;</c>, the
/// version's label in <c>&lt;docStage&gt;</c> and its date in <c>&lt;docDate&gt;</c>.
/// </description></item>
/// <item><description>
/// <c>&lt;preamble&gt;</c>: an opening such as "The General Assembly," as a paragraph; the preambular paragraphs as
/// <c>&lt;recital&gt;</c>s in <c>&lt;recitals&gt;</c>; a closing "Has adopted the following declaration:" as the
/// <c>&lt;formula name="enactingFormula"&gt;</c>.
/// </description></item>
/// <item><description>
/// <c>&lt;mainBody&gt;</c>: each article as <c>&lt;article eId="art_1"&gt;</c> with <c>&lt;num&gt;Article 1&lt;/num&gt;</c>,
/// its title in <c>&lt;heading&gt;</c>, and its paragraphs (split on blank lines) as
/// <c>&lt;paragraph eId="art_1__para_1"&gt;</c> with the leading number ("1.") in <c>&lt;num&gt;</c> and the text in
/// <c>&lt;content&gt;&lt;p&gt;</c>, one <c>&lt;p&gt;</c> per line. An article of one unnumbered paragraph has its
/// <c>&lt;content&gt;</c> directly.
/// </description></item>
/// </list>
/// </remarks>
public static partial class AkomaNtosoExporter
{
    /// <summary>The Akoma Ntoso 3.0 namespace.</summary>
    public const string NamespaceUri = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    private static readonly XNamespace Akn = NamespaceUri;

    /// <summary>Writes the version as an Akoma Ntoso document.</summary>
    /// <param name="document">The version.</param>
    /// <param name="options">The metadata beyond the version; defaults when <see langword="null"/>.</param>
    /// <returns>The XML document.</returns>
    public static XDocument Write(VersionDocument document, AkomaNtosoOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        options ??= new AkomaNtosoOptions();
        var generated = options.GeneratedOn ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var preface = Preface(document);
        var preamble = Preamble(document.Preamble.Select(p => p.Text).ToList());
        var statement = new XElement(Akn + "statement",
            new XAttribute("name", "declaration"),
            Meta(document, options, generated),
            preface,
            preamble,
            MainBody(document));
        return new XDocument(new XDeclaration("1.0", "utf-8", null), new XElement(Akn + "akomaNtoso", statement));
    }

    /// <summary>Writes the version as Akoma Ntoso XML text.</summary>
    /// <param name="document">The version.</param>
    /// <param name="options">The metadata beyond the version; defaults when <see langword="null"/>.</param>
    /// <returns>The indented XML, with its declaration.</returns>
    public static string WriteString(VersionDocument document, AkomaNtosoOptions? options = null)
    {
        var xml = Write(document, options);
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = true }))
        {
            xml.Save(writer);
        }

        return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static XElement Meta(VersionDocument document, AkomaNtosoOptions options, DateOnly generated)
    {
        var date = Date(document.Date ?? generated);
        var work = $"/akn/{options.Country}/statement/declaration/{date}/{Number(document)}";
        var expression = $"{work}/{options.Language}@{date}";
        var manifestation = $"{expression}.akn";

        XElement Frbr(string name, string uri, string thisUri, string frbrDate, string dateName, string author, params object?[] rest) =>
            new(Akn + name,
                new XElement(Akn + "FRBRthis", new XAttribute("value", thisUri)),
                new XElement(Akn + "FRBRuri", new XAttribute("value", uri)),
                new XElement(Akn + "FRBRdate", new XAttribute("date", frbrDate), new XAttribute("name", dateName)),
                new XElement(Akn + "FRBRauthor", new XAttribute("href", author)),
                rest);

        return new XElement(Akn + "meta",
            new XElement(Akn + "identification",
                new XAttribute("source", "#draftingRoom"),
                Frbr("FRBRWork", work, work + "/!main", date, "version", "#author",
                    new XElement(Akn + "FRBRcountry", new XAttribute("value", options.Country)),
                    new XElement(Akn + "FRBRsubtype", new XAttribute("value", "declaration")),
                    string.IsNullOrWhiteSpace(document.Symbol) ? null : new XElement(Akn + "FRBRnumber", new XAttribute("value", document.Symbol.Trim())),
                    new XElement(Akn + "FRBRname", new XAttribute("value", document.Title)),
                    new XElement(Akn + "FRBRprescriptive", new XAttribute("value", "false"))),
                Frbr("FRBRExpression", expression, expression + "/!main", date, "version", "#author",
                    new XElement(Akn + "FRBRlanguage", new XAttribute("language", options.Language))),
                Frbr("FRBRManifestation", manifestation, expression + "/!main.akn", Date(generated), "generation", "#draftingRoom",
                    new XElement(Akn + "FRBRformat", new XAttribute("value", "application/akn+xml")))),
            new XElement(Akn + "references",
                new XAttribute("source", "#draftingRoom"),
                new XElement(Akn + "TLCOrganization",
                    new XAttribute("eId", "author"),
                    new XAttribute("href", "/akn/ontology/organization/un/" + Slug(options.AuthorName)),
                    new XAttribute("showAs", options.AuthorName)),
                new XElement(Akn + "TLCOrganization",
                    new XAttribute("eId", "draftingRoom"),
                    new XAttribute("href", "/akn/ontology/organization/draftingRoom"),
                    new XAttribute("showAs", "DraftingRoom"))));
    }

    private static XElement Preface(VersionDocument document)
    {
        var preface = new XElement(Akn + "preface");
        if (!string.IsNullOrWhiteSpace(document.Symbol))
        {
            preface.Add(new XElement(Akn + "p", new XElement(Akn + "docNumber", document.Symbol.Trim())));
        }

        preface.Add(new XElement(Akn + "p", new XElement(Akn + "docTitle", document.Title)));
        preface.Add(new XElement(Akn + "p", new XElement(Akn + "docStage", document.Label)));
        if (document.Date is { } date)
        {
            preface.Add(new XElement(Akn + "p",
                new XElement(Akn + "docDate", new XAttribute("date", Date(date)), date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture))));
        }

        return preface;
    }

    private static XElement? Preamble(List<string> paragraphs)
    {
        if (paragraphs.Count == 0)
        {
            return null;
        }

        var preamble = new XElement(Akn + "preamble");
        var first = 0;
        var last = paragraphs.Count;
        if (OpeningFormula().IsMatch(paragraphs[0]))
        {
            preamble.Add(new XElement(Akn + "p", paragraphs[0]));
            first = 1;
        }

        XElement? enacting = null;
        if (last > first && EnactingFormula().IsMatch(paragraphs[^1]))
        {
            enacting = new XElement(Akn + "formula", new XAttribute("name", "enactingFormula"), new XAttribute("eId", "enactingFormula"), Lines(paragraphs[^1]));
            last--;
        }

        if (last > first)
        {
            preamble.Add(new XElement(Akn + "recitals",
                new XAttribute("eId", "recs"),
                paragraphs[first..last].Select((text, i) => new XElement(Akn + "recital",
                    new XAttribute("eId", $"recs__rec_{i + 1}"),
                    Lines(text)))));
        }

        preamble.Add(enacting);
        return preamble;
    }

    private static XElement MainBody(VersionDocument document)
    {
        var body = new XElement(Akn + "mainBody");
        var used = new HashSet<string>(StringComparer.Ordinal);
        var rank = 0;
        foreach (var article in document.Articles)
        {
            rank++;
            var eId = "art_" + IdPart(article.Number, rank);
            if (!used.Add(eId))
            {
                eId = $"art_{rank}";
                for (var suffix = 2; !used.Add(eId); suffix++)
                {
                    eId = $"art_{rank}_{suffix}";
                }
            }

            var element = new XElement(Akn + "article", new XAttribute("eId", eId),
                new XElement(Akn + "num", DocxVersionExporter.ArticleHeading(article, rank)));
            if (!string.IsNullOrWhiteSpace(article.Title))
            {
                element.Add(new XElement(Akn + "heading", article.Title.Trim()));
            }

            var paragraphs = ParagraphAligner.SplitParagraphs(article.Text)
                .Select(p => NumberedParagraph().Match(p) is { Success: true } m ? (Num: m.Groups["num"].Value, Text: m.Groups["text"].Value) : (Num: (string?)null, Text: p))
                .ToList();
            if (paragraphs.Count == 1 && paragraphs[0].Num is null)
            {
                element.Add(new XElement(Akn + "content", new XAttribute("eId", $"{eId}__content"), Lines(paragraphs[0].Text)));
            }
            else
            {
                // Numbered paragraphs take their number in their ids; otherwise (or if numbers repeat) their rank.
                var numbers = paragraphs.Select(p => p.Num?.TrimEnd('.', ')')).ToList();
                var byNumber = numbers.All(n => n is not null) && numbers.Distinct(StringComparer.Ordinal).Count() == numbers.Count;
                element.Add(paragraphs.Select((p, i) => new XElement(Akn + "paragraph",
                    new XAttribute("eId", $"{eId}__para_{(byNumber ? numbers[i] : (i + 1).ToString(CultureInfo.InvariantCulture))}"),
                    p.Num is null ? null : new XElement(Akn + "num", p.Num),
                    new XElement(Akn + "content", Lines(p.Text)))));
            }

            body.Add(element);
        }

        return body;
    }

    /// <summary>One <c>&lt;p&gt;</c> per line of a paragraph.</summary>
    private static IEnumerable<XElement> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => new XElement(Akn + "p", l));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The number component of the identifiers: the symbol ("A-HRC-35-35"), else the label made safe.</summary>
    private static string Number(VersionDocument document) =>
        string.IsNullOrWhiteSpace(document.Symbol) ? Slug(document.Label) : Slug(document.Symbol.Replace('/', '-'));

    private static string Slug(string text)
    {
        var slug = UnsafeInIdentifier().Replace(text.Trim(), "-").Trim('-');
        return slug.Length == 0 ? "untitled" : slug;
    }

    /// <summary>An article's number made fit for an eId: "3 bis" gives "3bis".</summary>
    private static string IdPart(string? number, int rank)
    {
        var part = string.IsNullOrWhiteSpace(number) ? "" : UnsafeInIdentifier().Replace(number, "");
        return part.Length == 0 ? rank.ToString(CultureInfo.InvariantCulture) : part;
    }

    [GeneratedRegex(@"[^\p{L}\p{N}\-]+")]
    private static partial Regex UnsafeInIdentifier();

    [GeneratedRegex(@"^(?<num>\d{1,3}[.)])\s+(?<text>.+)$", RegexOptions.Singleline)]
    private static partial Regex NumberedParagraph();

    // "The General Assembly," "The Human Rights Council," — a short line naming the body, ending with a comma.
    [GeneratedRegex(@"^The\s+[\p{Lu}][\p{L}\s\-]{2,80},$")]
    private static partial Regex OpeningFormula();

    // "Has adopted the following declaration:", "Solemnly proclaims the present Declaration".
    [GeneratedRegex(@"^(?:(?:Solemnly\s+)?(?:Has\s+adopted|Adopts|Proclaims|Declares)\b[^\n]{0,120}\b(?:declaration|Declaration)\b[^\n]{0,40}[:.]?)$")]
    private static partial Regex EnactingFormula();
}
