using System.Diagnostics;
using System.Globalization;
using System.Text;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Versions;

namespace DraftingRoom.Benchmarks;

/// <summary>
/// Times <see cref="VersionComparer.Compare"/> on two declarations of 20 articles and about 10,000 words each, made
/// deterministically from a seeded vocabulary of declaration words, in five cases: identical; a few words changed;
/// one article rewritten; an article inserted near the start (renumbering the rest); every article rewritten; and the
/// two rewrite cases again with rewritten articles diffed word by word anyway. The versions are imported ones (no
/// stable ids), so articles are matched by number and text. Each case is warmed up, then timed one comparison at a
/// time on a single thread.
/// </summary>
internal static class ComparisonBenchmark
{
    private const int Articles = 20;
    private const int WordsPerArticle = 500;

    public static Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200;
        var baseline = Declaration(seed: 1, "Draft declaration (2017)");
        var other = Declaration(seed: 2, "Other draft");
        var different = other with { Provisions = Retitled(other, baseline) };
        var wordByWord = new ComparisonOptions(RewriteSimilarity: 0);
        var cases = new (string Name, VersionDocument Newer, ComparisonOptions Options)[]
        {
            ("identical", baseline with { Label = "Copy" }, ComparisonOptions.Default),
            ("a few words changed", FewWordsChanged(baseline), ComparisonOptions.Default),
            ("one article rewritten", OneArticleRewritten(baseline), ComparisonOptions.Default),
            ("articles renumbered", ArticleInserted(baseline), ComparisonOptions.Default),
            ("completely different", different, ComparisonOptions.Default),
            // The same two cases with rewritten articles diffed word by word anyway: the cost of the word diff itself.
            ("one rewritten, w-by-w", OneArticleRewritten(baseline), wordByWord),
            ("different, w-by-w", different, wordByWord),
        };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"comparison: {runs} comparisons per case after at least {WarmUps(runs)} warm-ups and 1 s, one thread, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"older version: {baseline.Articles.Count()} articles, {Words(baseline):N0} words"));
        foreach (var (name, newer, options) in cases)
        {
            var result = VersionComparer.Compare(baseline, newer, options);
            var (wall, cpu, allocated) = Measure(runs, () => VersionComparer.Compare(baseline, newer, options));
            var s = result.Summary;
            var cpuFigures = ThreadCpuClock.IsAvailable
                ? string.Create(CultureInfo.InvariantCulture, $"  cpu median {Percentiles.Of(cpu, 50),6:F2} p99 {Percentiles.Of(cpu, 99),6:F2} ms")
                : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-22} {Words(newer),6:N0} words  wall median {Percentiles.Of(wall, 50),6:F2} p99 {Percentiles.Of(wall, 99),6:F2} "
                + $"min {wall[0],6:F2} ms{cpuFigures}  {allocated,5:F1} MB  "
                + $"(changed {s.ArticlesChanged}, added {s.ArticlesAdded}, removed {s.ArticlesRemoved}, renumbered {s.ArticlesRenumbered}, "
                + $"rewritten {result.Provisions.Count(p => p.Rewritten)}, +{s.WordsAdded}/-{s.WordsRemoved} words)"));
        }

        return Task.FromResult(0);
    }

    /// <summary>Wall-clock and thread CPU times of each comparison, sorted, and the memory allocated per comparison.</summary>
    private static (double[] Wall, double[] Cpu, double AllocatedMegabytes) Measure(int runs, Action compare)
    {
        // Warm-up: long enough for tiered compilation to reach its optimised code (it waits for 30 calls, then
        // recompiles in the background).
        var warmUp = Stopwatch.StartNew();
        for (var i = 0; i < WarmUps(runs) || warmUp.ElapsedMilliseconds < 1_000; i++)
        {
            compare();
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var wall = new double[runs];
        var cpu = new double[runs];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < runs; i++)
        {
            var cpuStart = ThreadCpuClock.Milliseconds();
            var start = Stopwatch.GetTimestamp();
            compare();
            wall[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            cpu[i] = ThreadCpuClock.Milliseconds() - cpuStart;
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)runs / 1024 / 1024;
        Array.Sort(wall);
        Array.Sort(cpu);
        return (wall, cpu, allocated);
    }

    private static int WarmUps(int runs) => Math.Max(50, runs / 4);

    private static int Words(VersionDocument document) =>
        document.Provisions.Sum(p => p.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => char.IsLetter(w[0])));

    // --- The cases -------------------------------------------------------------------------------------------------

    /// <summary>Ten words replaced in five articles.</summary>
    internal static VersionDocument FewWordsChanged(VersionDocument older)
    {
        var random = new SeededRandom(3);
        var provisions = older.Provisions.ToList();
        foreach (var index in new[] { 2, 6, 9, 13, 17 })
        {
            var article = provisions.FindIndex(p => p.Kind == ProvisionKind.Article && p.Number == index.ToString(CultureInfo.InvariantCulture));
            var words = provisions[article].Text.Split(' ');
            for (var k = 0; k < 2; k++)
            {
                var at = random.Next(words.Length);
                if (char.IsLetter(words[at][0]) && char.IsLower(words[at][0]))
                {
                    words[at] = Vocabulary.Words[random.Next(Vocabulary.Words.Length)];
                }
            }

            provisions[article] = provisions[article] with { Text = string.Join(' ', words) };
        }

        return older with { Label = "A few words changed", Provisions = provisions };
    }

    /// <summary>Article 7 rewritten from scratch under the same number and title.</summary>
    private static VersionDocument OneArticleRewritten(VersionDocument older) =>
        older with
        {
            Label = "One article rewritten",
            Provisions = older.Provisions.Select(p => p.Kind == ProvisionKind.Article && p.Number == "7"
                ? p with { Text = ArticleText(new SeededRandom(77), WordsPerArticle) }
                : p).ToList(),
        };

    /// <summary>A new article inserted as Article 3: Articles 3 to 20 become 4 to 21.</summary>
    private static VersionDocument ArticleInserted(VersionDocument older)
    {
        var provisions = new List<VersionProvision>();
        foreach (var p in older.Ordered)
        {
            var number = p.Number is null ? 0 : int.Parse(p.Number, CultureInfo.InvariantCulture);
            if (number == 3)
            {
                provisions.Add(new VersionProvision(null, ProvisionKind.Article, p.Position, "3", "Solidarity in times of crisis",
                    ArticleText(new SeededRandom(33), WordsPerArticle)));
            }

            provisions.Add(number >= 3
                ? p with { Position = p.Position + 1, Number = (number + 1).ToString(CultureInfo.InvariantCulture) }
                : p);
        }

        return older with { Label = "Article inserted", Provisions = provisions };
    }

    /// <summary>The other declaration's texts under this one's numbers and titles: every article rewritten in place.</summary>
    private static IReadOnlyList<VersionProvision> Retitled(VersionDocument texts, VersionDocument structure) =>
        structure.Ordered.Zip(texts.Ordered, (s, t) => s with { Text = t.Text }).ToList();

    // --- Generated declarations ------------------------------------------------------------------------------------

    internal static VersionDocument Declaration(int seed, string label)
    {
        var random = new SeededRandom(seed);
        var provisions = new List<VersionProvision>();
        foreach (var opening in Vocabulary.Openings.Take(8))
        {
            provisions.Add(new VersionProvision(null, ProvisionKind.PreambularParagraph, provisions.Count + 1, null, null,
                opening + " " + Sentence(random, 20).TrimEnd('.') + ","));
        }

        for (var i = 1; i <= Articles; i++)
        {
            provisions.Add(new VersionProvision(null, ProvisionKind.Article, provisions.Count + 1,
                i.ToString(CultureInfo.InvariantCulture), Vocabulary.Titles[(i - 1) % Vocabulary.Titles.Length],
                ArticleText(random, WordsPerArticle - (i <= 8 ? 22 : 0))));
        }

        return new VersionDocument("Draft declaration on the right to international solidarity", "A/HRC/35/35", label, new DateOnly(2017, 4, 25), provisions);
    }

    /// <summary>Numbered paragraphs of sentences, about the given number of words.</summary>
    private static string ArticleText(SeededRandom random, int words)
    {
        var paragraphs = new List<string>();
        var written = 0;
        while (written < words)
        {
            var paragraph = new StringBuilder().Append(paragraphs.Count + 1).Append(". ");
            var sentences = 2 + random.Next(3);
            for (var s = 0; s < sentences && written < words; s++)
            {
                var length = Math.Min(words - written, 12 + random.Next(20));
                paragraph.Append(s > 0 ? " " : "").Append(Sentence(random, length));
                written += length;
            }

            paragraphs.Add(paragraph.ToString());
        }

        return string.Join("\n\n", paragraphs);
    }

    private static string Sentence(SeededRandom random, int words)
    {
        var sentence = new StringBuilder();
        for (var w = 0; w < words; w++)
        {
            var word = Vocabulary.Words[random.Next(Vocabulary.Words.Length)];
            if (w == 0)
            {
                word = char.ToUpperInvariant(word[0]) + word[1..];
            }
            else
            {
                sentence.Append(random.Next(9) == 0 ? ", " : " ");
            }

            sentence.Append(word);
        }

        return sentence.Append('.').ToString();
    }

    /// <summary>A small deterministic generator (xorshift), the same on every platform and .NET version.</summary>
    private sealed class SeededRandom(int seed)
    {
        private ulong _state = 0x9E3779B97F4A7C15UL ^ (ulong)seed;

        public int Next(int bound)
        {
            _state ^= _state << 13;
            _state ^= _state >> 7;
            _state ^= _state << 17;
            return (int)(_state % (ulong)bound);
        }
    }

    private static class Vocabulary
    {
        public static readonly string[] Openings =
        [
            "Recalling", "Reaffirming", "Bearing in mind", "Recognizing", "Deeply concerned", "Convinced", "Noting", "Acknowledging",
        ];

        public static readonly string[] Titles =
        [
            "The right to international solidarity", "Definitions", "Duties of States", "Preventive solidarity",
            "International cooperation", "Participation", "Non-State actors", "Equality and non-discrimination",
            "Development", "Climate change and the environment", "Health", "Food security", "Education", "Migration",
            "Peace and security", "Technology transfer", "Debt and finance", "Remedies", "Implementation", "Final provisions",
        ];

        public static readonly string[] Words =
        [
            "the", "the", "the", "of", "of", "and", "and", "to", "in", "for", "with", "by", "on", "all", "its", "their",
            "that", "shall", "should", "may", "must", "be", "have", "has", "are", "is", "without", "within", "through",
            "among", "between", "including", "particular", "especially", "every", "each", "other", "such", "those",
            "right", "rights", "human", "international", "solidarity", "States", "peoples", "individuals", "everyone",
            "cooperation", "assistance", "development", "sustainable", "equality", "dignity", "freedom", "justice",
            "peace", "security", "respect", "protect", "fulfil", "promote", "ensure", "guarantee", "recognize",
            "recognized", "declaration", "present", "Charter", "United", "Nations", "organizations", "civil", "society",
            "community", "communities", "vulnerable", "marginalized", "poverty", "inequality", "discrimination",
            "women", "children", "youth", "persons", "disabilities", "indigenous", "migrants", "refugees", "minorities",
            "climate", "change", "environment", "health", "pandemic", "food", "water", "education", "culture",
            "technology", "knowledge", "resources", "financial", "economic", "social", "cultural", "political", "civil",
            "duty", "duties", "obligations", "responsibility", "responsibilities", "measures", "actions", "policies",
            "legislation", "national", "regional", "global", "collective", "individual", "common", "shared", "mutual",
            "participation", "consultation", "consent", "transparency", "accountability", "remedy", "remedies",
            "access", "information", "capacity", "institutions", "mechanisms", "implementation", "monitoring",
            "reporting", "review", "progress", "future", "generations", "natural", "disasters", "conflict", "crisis",
            "crises", "prevention", "preventive", "response", "recovery", "debt", "trade", "investment", "finance",
            "transfer", "fair", "equitable", "inclusive", "meaningful", "effective", "adequate", "appropriate",
            "necessary", "reasonable", "available", "maximum", "progressively", "fully", "freely", "actively",
            "jointly", "individually", "collectively", "shall", "not", "no", "any", "form", "kind", "basis", "principle",
            "principles", "law", "laws", "instruments", "treaties", "obligation", "standards", "norms", "values",
            "unity", "interdependence", "reciprocity", "partnership", "partnerships", "support", "contribute",
            "contribution", "benefit", "benefits", "enjoyment", "realization", "exercise", "full", "universal",
            "indivisible", "interrelated", "inherent", "dignity", "person", "family", "worker", "workers", "land",
            "territory", "borders", "beyond", "across", "towards", "against", "under", "within", "where", "when",
        ];
    }
}
