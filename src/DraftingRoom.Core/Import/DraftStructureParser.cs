using System.Globalization;
using System.Text.RegularExpressions;
using DraftingRoom.Core.Drafting;

namespace DraftingRoom.Core.Import;

/// <summary>
/// Turns the lines of a source document into a <see cref="DraftDocument"/>. The rules are the same for every format;
/// they are described in docs on <see cref="MarkdownDraftParser"/>.
/// </summary>
/// <param name="options">The import limits.</param>
/// <param name="locationLabel">How error messages name a position: "Line" for text, "Paragraph" for Word.</param>
internal sealed partial class DraftStructureParser(DraftImportOptions options, string locationLabel)
{
    // Longest first line of a plain-text document still taken as its title.
    private const int MaxPlainDocumentTitleLength = 200;

    private enum BlockKind { Text, Heading, Emphasised, Article }

    /// <summary>A paragraph of the source: lines between blank lines, or one heading line.</summary>
    private sealed class Block(BlockKind kind, SourceLine first, ArticleHeading? article = null)
    {
        public BlockKind Kind { get; } = kind;

        public List<SourceLine> Lines { get; } = [first];

        public ArticleHeading? Article { get; } = article;

        public int Line => Lines[0].Number;

        public string Text => LinePatterns.CollapseSpaces(Lines[0].Text);

        /// <summary>The block as provision text: list items keep their lines, other lines are joined by a space.</summary>
        public string Render()
        {
            var text = new System.Text.StringBuilder();
            foreach (var line in Lines)
            {
                var content = LinePatterns.CollapseSpaces(line.Original);
                if (text.Length > 0)
                {
                    text.Append(LinePatterns.IsListItem(content) ? '\n' : ' ');
                }

                text.Append(content);
            }

            return text.ToString();
        }
    }

    public DraftDocument Parse(IReadOnlyList<SourceLine> lines)
    {
        var blocks = SplitIntoBlocks(lines);
        var firstArticle = blocks.FindIndex(b => b.Kind == BlockKind.Article);
        if (firstArticle < 0)
        {
            throw Error("No line starting an article (such as \"Article 1\") was found.", null);
        }

        var provisions = new List<DraftProvision>();
        var start = 0;
        string? title = null;
        if (firstArticle > 0 && IsDocumentTitle(blocks[0], blocks.Count))
        {
            title = ArticleHeading.CleanTitle(blocks[0].Text);
            start = 1;
        }

        for (var i = start; i < firstArticle; i++)
        {
            if (!IsSkippedInPreamble(blocks[i]))
            {
                provisions.Add(new DraftProvision(ProvisionKind.PreambularParagraph, null, null, blocks[i].Render().Trim(), blocks[i].Line));
            }
        }

        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = firstArticle; i < blocks.Count;)
        {
            var heading = blocks[i];
            var next = blocks.FindIndex(i + 1, b => b.Kind == BlockKind.Article);
            var end = next < 0 ? blocks.Count : next;
            var article = heading.Article!;
            if (seen.TryGetValue(article.Number, out var firstLine))
            {
                throw Error(
                    $"Article {article.Number} appears twice; it already starts at {locationLabel.ToLowerInvariant()} {firstLine}.",
                    heading.Line);
            }

            seen[article.Number] = heading.Line;
            provisions.Add(BuildArticle(heading, blocks.GetRange(i + 1, end - i - 1)));
            i = end;
        }

        foreach (var provision in provisions)
        {
            CheckLength(provision);
        }

        return new DraftDocument(title, provisions);
    }

    private DraftProvision BuildArticle(Block heading, List<Block> body)
    {
        var article = heading.Article!;
        body.RemoveAll(b => b.Kind == BlockKind.Heading && Division().IsMatch(b.Text));
        var title = article.Title;
        var first = 0;
        if (title is null && body.Count > 0 && IsArticleTitle(body[0], hasMoreText: body.Count > 1))
        {
            title = ArticleHeading.CleanTitle(body[0].Text);
            first = 1;
        }

        var paragraphs = body.Skip(first).Select(b => b.Kind == BlockKind.Heading ? b.Text : b.Render()).Where(p => p.Length > 0);
        var text = string.Join("\n\n", paragraphs).Trim();
        if (text.Length == 0)
        {
            throw Error($"Article {article.Number} has no text.", heading.Line);
        }

        return new DraftProvision(ProvisionKind.Article, article.Number, title, text, heading.Line);
    }

    private static bool IsArticleTitle(Block block, bool hasMoreText) => block.Kind switch
    {
        BlockKind.Heading => true,
        BlockKind.Emphasised => ArticleHeading.LooksLikeTitle(block.Text, 2 * ArticleHeading.MaxPlainTitleLength),
        // A short plain line is a title only if text follows; otherwise it is the whole article ("States shall
        // cooperate" without a full stop would otherwise leave the article empty).
        BlockKind.Text => hasMoreText && block.Lines.Count == 1
            && ArticleHeading.LooksLikeTitle(block.Text, ArticleHeading.MaxPlainTitleLength),
        _ => false,
    };

    private static bool IsDocumentTitle(Block block, int blockCount) => block.Kind switch
    {
        BlockKind.Heading or BlockKind.Emphasised => !IsPreambleHeading(block.Text) && !Division().IsMatch(block.Text),
        BlockKind.Text => blockCount > 1 && block.Lines.Count == 1 && !IsPreambleHeading(block.Text)
            && ArticleHeading.LooksLikeTitle(block.Text, MaxPlainDocumentTitleLength),
        _ => false,
    };

    private static bool IsSkippedInPreamble(Block block) => block.Kind switch
    {
        // Headings before the first article ("Preamble", a subtitle, "Part I") label the document; they are not
        // preambular paragraphs.
        BlockKind.Heading => true,
        BlockKind.Emphasised => IsPreambleHeading(block.Text) || ArticleHeading.LooksLikeTitle(block.Text, ArticleHeading.MaxPlainTitleLength),
        BlockKind.Text => block.Lines.Count == 1 && IsPreambleHeading(block.Text),
        _ => false,
    };

    private static bool IsPreambleHeading(string text) => PreambleWord().IsMatch(text.Trim());

    private static List<Block> SplitIntoBlocks(IReadOnlyList<SourceLine> lines)
    {
        var blocks = new List<Block>();
        Block? paragraph = null;
        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                paragraph = null;
                continue;
            }

            if (line.Style != LineStyle.Plain)
            {
                paragraph = null;
                var kind = line.Style == LineStyle.Heading ? BlockKind.Heading : BlockKind.Emphasised;
                blocks.Add(ArticleHeading.TryParse(line.Text, isMarkedUp: true, out var marked)
                    ? new Block(BlockKind.Article, line, marked)
                    : new Block(kind, line));
                continue;
            }

            // A plain line starts an article when it opens a paragraph, or, inside one, when "Article" is capitalised
            // and the line before ends a sentence: prose wrapped before a reference ("…set out in / Article 5.")
            // does not, while drafts typed without blank lines ("…first article. / Article 2") do.
            if (ArticleHeading.TryParse(line.Text, isMarkedUp: false, out var heading)
                && (paragraph is null || (heading.IsCapitalised && EndsSentence(paragraph.Lines[^1].Text))))
            {
                blocks.Add(new Block(BlockKind.Article, line, heading));
                paragraph = null;
                if (heading.InlineText is { } inline)
                {
                    paragraph = new Block(BlockKind.Text, line with { Text = inline, Raw = null });
                    blocks.Add(paragraph);
                }

                continue;
            }

            if (paragraph is not null && LinePatterns.IsNumberedParagraph(line.Text.Trim()))
            {
                paragraph = null;
            }

            if (paragraph is null)
            {
                paragraph = new Block(BlockKind.Text, line);
                blocks.Add(paragraph);
            }
            else
            {
                paragraph.Lines.Add(line);
            }
        }

        return blocks;
    }

    private static bool EndsSentence(string line) => line.TrimEnd() is [.., var last] && ".;:!?\"”’»)".Contains(last);

    private void CheckLength(DraftProvision provision)
    {
        if (provision.Text.Length <= options.MaxProvisionLength)
        {
            return;
        }

        var what = provision.Kind == ProvisionKind.Article ? $"Article {provision.Number}" : "This preambular paragraph";
        throw Error(
            string.Create(
                CultureInfo.InvariantCulture,
                $"{what} is {provision.Text.Length:N0} characters long, more than the limit of {options.MaxProvisionLength:N0}."),
            provision.SourceLine);
    }

    private DraftImportException Error(string message, int? line) => new(message, line, locationLabel);

    [GeneratedRegex(@"^(?:preamble|préambule|preámbulo|преамбула|الديباجة)\s*:?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PreambleWord();

    // Structural divisions ("Part II", "Chapter 3 — Implementation") are not kept: the model has no place for them,
    // and inside an article they would read as its text.
    [GeneratedRegex(@"^(?:part|chapter|section)\s+(?:\d+|[IVXLC]+|one|two|three|four|five|six|seven|eight|nine|ten)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Division();
}
