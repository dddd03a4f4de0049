using System.Text;
using DraftingRoom.Core.CommentText;
using DraftingRoom.Core.Tests.Collaboration;

namespace DraftingRoom.Core.Tests.CommentText;

/// <summary>Seeded random comments (see <see cref="Property"/> for replaying a failing seed).</summary>
public class PlainTextWithLinksPropertyTests
{
    private static readonly string[] Pieces =
    [
        "https://", "http://", "HTTP://", "www.", "javascript:", "data:", "un.org", "/path", "?q=1&x=2", "#top", "(", ")",
        "[", "]", ".", ",", ";", ":", "!", "?", "'", "\"", "<", ">", "<script>", "</script>", "@", " ", "  ", "\t",
        "\r\n", "\n", "\r", "\u2028", "solidarity", "التضامن", "团结", "😀", "e\u0301", "%20", "-", "_", "~", "\u060C",
    ];

    [Fact]
    public void Runs_give_the_comment_back_and_links_are_only_http_or_https() =>
        Property.ForAll(2_000, random =>
        {
            var comment = new StringBuilder();
            for (var n = random.Next(0, 20); n > 0; n--)
            {
                comment.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var text = comment.ToString();
            var runs = PlainTextWithLinks.Parse(text);

            var normalised = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\u2028', '\n');
            Assert.Equal(normalised, string.Concat(runs.Select(r => r switch
            {
                PlainTextRun t => t.Text,
                LinkRun l => l.Text,
                _ => "\n",
            })));
            Assert.All(runs.OfType<PlainTextRun>(), t => Assert.NotEmpty(t.Text));
            Assert.All(runs.OfType<PlainTextRun>(), t => Assert.DoesNotContain('\n', t.Text));
            Assert.All(runs.Zip(runs.Skip(1)), pair => Assert.False(pair.First is PlainTextRun && pair.Second is PlainTextRun));
            Assert.All(runs.OfType<LinkRun>(), l =>
            {
                var uri = new Uri(l.Href);
                Assert.True(uri.Scheme is "http" or "https", l.Href);
                Assert.Empty(uri.UserInfo);
                Assert.DoesNotContain(l.Text, c => c is '<' or '>' or '"' || char.IsWhiteSpace(c));
                Assert.True(l.Href == l.Text || l.Href == "https://" + l.Text);
            });
        });
}
