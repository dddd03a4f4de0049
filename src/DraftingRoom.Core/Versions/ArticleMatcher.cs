using DraftingRoom.Core.Drafting;

namespace DraftingRoom.Core.Versions;

/// <summary>
/// Recognises which provisions of two versions of a declaration are the same, so that they can be compared with
/// each other: articles among articles, preambular paragraphs among preambular paragraphs.
/// </summary>
/// <remarks>
/// <para>The rules, in order:</para>
/// <list type="number">
/// <item><description>
/// <b>Stable ids.</b> Provisions of two published versions carry their article's id: equal ids match whatever their
/// number, text or place. Two provisions that both carry ids are never matched by text; a provision without an id
/// (from an imported version) is matched by the rules below.
/// </description></item>
/// <item><description>
/// <b>Identical texts</b> match, the same number first, then the nearest in place.
/// </description></item>
/// <item><description>
/// <b>Similar texts.</b> Similarity is the Dice coefficient of the texts' pairs of consecutive words (case and
/// punctuation ignored; see <see cref="ArticleMatch.Similarity"/>). A pair is a candidate when the similarity is at
/// least <see cref="StrongSimilarity"/>; or at least <see cref="WeakSimilarity"/> when the two have the same number
/// or the same title; or at any similarity when they have both (an article rewritten in place). For preambular
/// paragraphs the "number" is their rank in the preamble. Candidates are taken greedily, most similar first (the
/// same number, then the same title add <see cref="SameNumberBonus"/> and <see cref="SameTitleBonus"/>; ties go to
/// the nearest in place), each provision once.
/// </description></item>
/// <item><description>
/// <b>Splits.</b> A new provision left unmatched whose text is at least <see cref="PartContainment"/> contained
/// in one old provision (measured in word pairs; the new text must have at least <see cref="MinPartPairs"/>) is a
/// part of it. When an old provision has two or more parts (its own match included) and they hold at least
/// <see cref="WholeCoverage"/> of its text, it was split. An unmatched old provision with a single such part is
/// matched to it one to one (most of it was deleted).
/// </description></item>
/// <item><description>
/// <b>Merges</b>, the other way round: old provisions left unmatched whose text is contained in one new
/// provision.
/// </description></item>
/// <item><description>
/// Between provisions that both carry ids, a part joins a split or merge only when the whole kept its id in the
/// other version (an article that gave part of its text to a new article), never to make a one-to-one match.
/// </description></item>
/// <item><description>
/// <b>Moves.</b> Among matched provisions, the largest set that keeps its relative order stays in place (a longest
/// increasing subsequence; among equally long ones, the one whose provisions changed rank least); the others moved.
/// Inserting an article renumbers the following ones but moves none.
/// </description></item>
/// <item><description>
/// What is left is added or removed.
/// </description></item>
/// </list>
/// <para>
/// Matches come in the newer version's order, preamble first; a removed provision follows the match holding the
/// old provision that preceded it (or comes first when it was first).
/// </para>
/// </remarks>
public static class ArticleMatcher
{
    /// <summary>The similarity at which two provisions match regardless of number and title.</summary>
    public const double StrongSimilarity = 0.5;

    /// <summary>The similarity at which two provisions with the same number or the same title match.</summary>
    public const double WeakSimilarity = 0.2;

    /// <summary>What a same number adds to a candidate's similarity when candidates are ranked.</summary>
    public const double SameNumberBonus = 0.1;

    /// <summary>What a same title adds to a candidate's similarity when candidates are ranked.</summary>
    public const double SameTitleBonus = 0.1;

    /// <summary>How much of a part's text must come from the whole for a split or merge.</summary>
    public const double PartContainment = 0.6;

    /// <summary>How much of the whole's text its parts must hold together for a split or merge.</summary>
    public const double WholeCoverage = 0.5;

    /// <summary>The fewest word pairs a text must have to count as a part of a split or merge.</summary>
    public const int MinPartPairs = 4;

    /// <summary>Matches the provisions of two versions.</summary>
    /// <param name="older">The older version.</param>
    /// <param name="newer">The newer version.</param>
    /// <returns>
    /// Every provision of both versions in exactly one match: the preamble's matches, then the articles', each in
    /// the newer version's order with removed provisions where they were.
    /// </returns>
    public static IReadOnlyList<ArticleMatch> Match(VersionDocument older, VersionDocument newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        return Match(older, newer, new FingerprintCache());
    }

    /// <summary>Matches the provisions of two versions, reading each text's fingerprint once into the cache.</summary>
    internal static IReadOnlyList<ArticleMatch> Match(VersionDocument older, VersionDocument newer, FingerprintCache prints)
    {
        var matches = new List<ArticleMatch>();
        matches.AddRange(new GroupMatcher(older.Preamble.ToList(), newer.Preamble.ToList(), ProvisionKind.PreambularParagraph, prints).Run());
        matches.AddRange(new GroupMatcher(older.Articles.ToList(), newer.Articles.ToList(), ProvisionKind.Article, prints).Run());
        return matches;
    }

    /// <summary>Matches the provisions of one kind.</summary>
    private sealed class GroupMatcher(List<VersionProvision> old, List<VersionProvision> @new, ProvisionKind kind, FingerprintCache prints)
    {
        private readonly int[] _oldPartner = Filled(old.Count);
        private readonly int[] _newPartner = Filled(@new.Count);
        private readonly List<Unit> _groups = [];
        private readonly HashSet<int> _oldInGroup = [];
        private readonly HashSet<int> _newInGroup = [];

        private bool IsArticle => kind == ProvisionKind.Article;

        public List<ArticleMatch> Run()
        {
            MatchByStableId();
            MatchIdenticalTexts();
            MatchSimilarTexts();
            FindSplits();
            FindMerges();
            return Order(Describe(BuildUnits()));
        }

        private void MatchByStableId()
        {
            var byId = new Dictionary<Guid, int>();
            for (var j = 0; j < @new.Count; j++)
            {
                if (@new[j].StableId is { } id)
                {
                    byId.TryAdd(id, j);
                }
            }

            for (var i = 0; i < old.Count; i++)
            {
                if (old[i].StableId is { } id && byId.TryGetValue(id, out var j) && _newPartner[j] < 0)
                {
                    Pair(i, j);
                }
            }
        }

        private void MatchIdenticalTexts()
        {
            var newByText = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var j = 0; j < @new.Count; j++)
            {
                if (_newPartner[j] < 0)
                {
                    (newByText.TryGetValue(@new[j].Text, out var list) ? list : newByText[@new[j].Text] = []).Add(j);
                }
            }

            var candidates = new List<(int Old, int New, double Score)>();
            for (var i = 0; i < old.Count; i++)
            {
                if (_oldPartner[i] < 0 && newByText.TryGetValue(old[i].Text, out var list))
                {
                    candidates.AddRange(list.Where(j => MayMatchByText(i, j)).Select(j => (i, j, SameNumber(i, j) ? 1.0 : 0.0)));
                }
            }

            TakeGreedily(candidates);
        }

        private void MatchSimilarTexts()
        {
            var candidates = new List<(int Old, int New, double Score)>();
            for (var i = 0; i < old.Count; i++)
            {
                if (_oldPartner[i] >= 0)
                {
                    continue;
                }

                for (var j = 0; j < @new.Count; j++)
                {
                    if (_newPartner[j] >= 0 || !MayMatchByText(i, j))
                    {
                        continue;
                    }

                    var similarity = OldPrint(i).Similarity(NewPrint(j));
                    bool sameNumber = SameNumber(i, j), sameTitle = SameTitle(i, j);
                    var eligible = similarity >= StrongSimilarity
                        || ((sameNumber || sameTitle) && similarity >= WeakSimilarity)
                        || (sameNumber && sameTitle);
                    if (eligible)
                    {
                        candidates.Add((i, j, similarity + (sameNumber ? SameNumberBonus : 0) + (sameTitle ? SameTitleBonus : 0)));
                    }
                }
            }

            TakeGreedily(candidates);
        }

        private void TakeGreedily(List<(int Old, int New, double Score)> candidates)
        {
            foreach (var (i, j, _) in candidates
                         .OrderByDescending(c => c.Score)
                         .ThenBy(c => Math.Abs(c.Old - c.New))
                         .ThenBy(c => c.Old)
                         .ThenBy(c => c.New))
            {
                if (_oldPartner[i] < 0 && _newPartner[j] < 0)
                {
                    Pair(i, j);
                }
            }
        }

        private void FindSplits()
        {
            var parts = new SortedDictionary<int, List<int>>();
            for (var j = 0; j < @new.Count; j++)
            {
                if (_newPartner[j] >= 0 || NewPrint(j).Total < MinPartPairs)
                {
                    continue;
                }

                var (best, containment) = (-1, 0.0);
                for (var i = 0; i < old.Count; i++)
                {
                    if (IsIdenticallyMatchedOld(i) || !(MayMatchByText(i, j) || _oldPartner[i] >= 0))
                    {
                        continue;
                    }

                    var c = NewPrint(j).ContainedIn(OldPrint(i));
                    if (c > containment)
                    {
                        (best, containment) = (i, c);
                    }
                }

                if (best >= 0 && containment >= PartContainment)
                {
                    (parts.TryGetValue(best, out var list) ? list : parts[best] = []).Add(j);
                }
            }

            foreach (var (i, pieces) in parts)
            {
                var members = _oldPartner[i] >= 0 ? pieces.Append(_oldPartner[i]).Order().ToList() : pieces;
                if (members.Count == 1 && MayMatchByText(i, members[0]))
                {
                    Pair(i, members[0]);
                }
                else if (members.Count > 1 && Coverage(OldPrint(i), members.Select(NewPrint)) >= WholeCoverage)
                {
                    AddGroup(ArticleMatchKinds.Split, [i], members);
                }
            }
        }

        private void FindMerges()
        {
            var parts = new SortedDictionary<int, List<int>>();
            for (var i = 0; i < old.Count; i++)
            {
                if (_oldPartner[i] >= 0 || _oldInGroup.Contains(i) || OldPrint(i).Total < MinPartPairs)
                {
                    continue;
                }

                var (best, containment) = (-1, 0.0);
                for (var j = 0; j < @new.Count; j++)
                {
                    if (_newInGroup.Contains(j) || IsIdenticallyMatchedNew(j) || !(MayMatchByText(i, j) || _newPartner[j] >= 0))
                    {
                        continue;
                    }

                    var c = OldPrint(i).ContainedIn(NewPrint(j));
                    if (c > containment)
                    {
                        (best, containment) = (j, c);
                    }
                }

                if (best >= 0 && containment >= PartContainment)
                {
                    (parts.TryGetValue(best, out var list) ? list : parts[best] = []).Add(i);
                }
            }

            foreach (var (j, pieces) in parts)
            {
                var members = _newPartner[j] >= 0 ? pieces.Append(_newPartner[j]).Order().ToList() : pieces;
                if (members.Count == 1 && MayMatchByText(members[0], j))
                {
                    Pair(members[0], j);
                }
                else if (members.Count > 1 && Coverage(NewPrint(j), members.Select(OldPrint)) >= WholeCoverage)
                {
                    AddGroup(ArticleMatchKinds.Merged, members, [j]);
                }
            }
        }

        private void AddGroup(ArticleMatchKinds groupKind, List<int> olds, List<int> news)
        {
            foreach (var i in olds)
            {
                _oldInGroup.Add(i);
            }

            foreach (var j in news)
            {
                _newInGroup.Add(j);
            }

            _groups.Add(new Unit(olds, news, groupKind));
        }

        private List<Unit> BuildUnits()
        {
            var units = new List<Unit>(_groups);
            for (var i = 0; i < old.Count; i++)
            {
                if (_oldInGroup.Contains(i))
                {
                    continue;
                }

                if (_oldPartner[i] >= 0 && !_newInGroup.Contains(_oldPartner[i]))
                {
                    units.Add(new Unit([i], [_oldPartner[i]], ArticleMatchKinds.None));
                }
                else
                {
                    units.Add(new Unit([i], [], ArticleMatchKinds.Removed));
                }
            }

            for (var j = 0; j < @new.Count; j++)
            {
                if (!_newInGroup.Contains(j) && (_newPartner[j] < 0 || _oldInGroup.Contains(_newPartner[j])))
                {
                    units.Add(new Unit([], [j], ArticleMatchKinds.Added));
                }
            }

            MarkMoves(units.Where(u => u.Old.Count > 0 && u.New.Count > 0).OrderBy(u => u.Old[0]).ToList());
            return units;
        }

        /// <summary>
        /// Marks as moved the matched units outside a longest run that keeps its order in both versions. Among
        /// equally long runs, the one whose units moved least in rank is kept: when two neighbours swap places and one
        /// of them keeps its rank, the other one moved.
        /// </summary>
        private static void MarkMoves(List<Unit> matched)
        {
            var n = matched.Count;
            var length = new int[n];
            var shift = new int[n];
            var previous = new int[n];
            for (var k = 0; k < n; k++)
            {
                var own = Math.Abs(matched[k].Old[0] - matched[k].New[0]);
                (length[k], shift[k], previous[k]) = (1, own, -1);
                for (var l = 0; l < k; l++)
                {
                    if (matched[l].New[0] < matched[k].New[0]
                        && (length[l] + 1 > length[k] || (length[l] + 1 == length[k] && shift[l] + own < shift[k])))
                    {
                        (length[k], shift[k], previous[k]) = (length[l] + 1, shift[l] + own, l);
                    }
                }
            }

            var end = -1;
            for (var k = 0; k < n; k++)
            {
                if (end < 0 || length[k] > length[end] || (length[k] == length[end] && shift[k] < shift[end]))
                {
                    end = k;
                }
            }

            var kept = new bool[n];
            for (var k = end; k >= 0; k = previous[k])
            {
                kept[k] = true;
            }

            for (var k = 0; k < n; k++)
            {
                matched[k].Moved = !kept[k];
            }
        }

        private List<(Unit Unit, ArticleMatch Match)> Describe(List<Unit> units) =>
            units.Select(u => (u, Describe(u))).ToList();

        private ArticleMatch Describe(Unit unit)
        {
            var olds = unit.Old.Select(i => old[i]).ToList();
            var news = unit.New.Select(j => @new[j]).ToList();
            switch (unit.Kind)
            {
                case ArticleMatchKinds.Added:
                    return new ArticleMatch(kind, ArticleMatchKinds.Added, [], news, $"{NewName(unit.New[0])} (new)", 0);
                case ArticleMatchKinds.Removed:
                    return new ArticleMatch(kind, ArticleMatchKinds.Removed, olds, [], $"{OldName(unit.Old[0])} (removed)", 0);
            }

            var kinds = unit.Kind;
            if (!string.Equals(string.Join("\n\n", olds.Select(p => p.Text)), string.Join("\n\n", news.Select(p => p.Text)), StringComparison.Ordinal))
            {
                kinds |= ArticleMatchKinds.TextChanged;
            }

            if (!string.Equals(Normalise(olds[0].Title), Normalise(news[0].Title), StringComparison.Ordinal))
            {
                kinds |= ArticleMatchKinds.TitleChanged;
            }

            if (IsArticle && !string.Equals(NumberKey(olds[0].Number), NumberKey(news[0].Number), StringComparison.Ordinal))
            {
                kinds |= ArticleMatchKinds.Renumbered;
            }

            if (unit.Moved)
            {
                kinds |= ArticleMatchKinds.Moved;
            }

            if (kinds == ArticleMatchKinds.None)
            {
                kinds = ArticleMatchKinds.Unchanged;
            }

            var similarity = (kinds & ArticleMatchKinds.TextChanged) == 0
                ? 1
                : prints.Of(olds).Similarity(prints.Of(news));
            return new ArticleMatch(kind, kinds, olds, news, Label(unit, kinds), similarity);
        }

        private string Label(Unit unit, ArticleMatchKinds kinds)
        {
            if (unit.Kind == ArticleMatchKinds.Split)
            {
                return $"{Names(unit.New, NewName)} (split from {OldName(unit.Old[0])})";
            }

            if (unit.Kind == ArticleMatchKinds.Merged)
            {
                return $"{NewName(unit.New[0])} (merged from {Names(unit.Old, OldName)})";
            }

            var name = NewName(unit.New[0]);
            var was = IsArticle ? OldName(unit.Old[0]) : LowerFirst(OldName(unit.Old[0]));
            return (kinds & (ArticleMatchKinds.Moved | ArticleMatchKinds.Renumbered)) switch
            {
                ArticleMatchKinds.Moved | ArticleMatchKinds.Renumbered => $"{name} (moved; was {was})",
                ArticleMatchKinds.Renumbered => $"{name} (was {was})",
                ArticleMatchKinds.Moved when IsArticle => $"{name} (moved)",
                ArticleMatchKinds.Moved => $"{name} (moved; was {was})",
                _ => name,
            };
        }

        /// <summary>
        /// Puts matches in the newer version's order; each removed provision goes right after the match holding the
        /// old provision before it, or first.
        /// </summary>
        private static List<ArticleMatch> Order(List<(Unit Unit, ArticleMatch Match)> described)
        {
            var ordered = described.Where(d => d.Unit.New.Count > 0).OrderBy(d => d.Unit.New[0]).ToList();
            var removed = described.Where(d => d.Unit.New.Count == 0).OrderBy(d => d.Unit.Old[0]).ToList();
            var atStart = 0;
            foreach (var item in removed)
            {
                var before = item.Unit.Old[0] - 1;
                var index = before < 0 ? -1 : ordered.FindIndex(d => d.Unit.Old.Contains(before));
                if (index < 0)
                {
                    ordered.Insert(atStart++, item);
                }
                else
                {
                    ordered.Insert(index + 1, item);
                }
            }

            return ordered.Select(d => d.Match).ToList();
        }

        private string OldName(int i) => Name(old[i], i);

        private string NewName(int j) => Name(@new[j], j);

        // An article without a number is named by its rank among the articles.
        private string Name(VersionProvision provision, int index) => IsArticle
            ? "Article " + (provision.Number?.Trim() is { Length: > 0 } number ? number : Rank(index))
            : "Preambular paragraph " + Rank(index);

        private static string Rank(int index) => (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        private string Names(List<int> indices, Func<int, string> name)
        {
            var names = indices.Select(name).ToList();
            var prefix = IsArticle ? "Article " : "Preambular paragraph ";
            if (names.All(n => n.StartsWith(prefix, StringComparison.Ordinal)))
            {
                var numbers = names.Select(n => n[prefix.Length..]).ToList();
                var plural = IsArticle ? "Articles " : "Preambular paragraphs ";
                return plural + string.Join(", ", numbers[..^1]) + " and " + numbers[^1];
            }

            return string.Join(", ", names[..^1]) + " and " + names[^1];
        }

        private static string LowerFirst(string text) => text.Length == 0 ? text : char.ToLowerInvariant(text[0]) + text[1..];

        private void Pair(int i, int j)
        {
            _oldPartner[i] = j;
            _newPartner[j] = i;
        }

        /// <summary>Provisions that both carry ids are the same only when the ids are equal.</summary>
        private bool MayMatchByText(int i, int j) => old[i].StableId is null || @new[j].StableId is null;

        private bool IsIdenticallyMatchedOld(int i) =>
            _oldPartner[i] >= 0 && string.Equals(old[i].Text, @new[_oldPartner[i]].Text, StringComparison.Ordinal);

        private bool IsIdenticallyMatchedNew(int j) =>
            _newPartner[j] >= 0 && string.Equals(@new[j].Text, old[_newPartner[j]].Text, StringComparison.Ordinal);

        private bool SameNumber(int i, int j) => IsArticle
            ? old[i].Number is not null && NumberKey(old[i].Number) == NumberKey(@new[j].Number)
            : i == j;

        private bool SameTitle(int i, int j) =>
            Normalise(old[i].Title) is { Length: > 0 } title
            && string.Equals(title, Normalise(@new[j].Title), StringComparison.OrdinalIgnoreCase);

        private TextFingerprint OldPrint(int i) => prints.Of(old[i]);

        private TextFingerprint NewPrint(int j) => prints.Of(@new[j]);

        private static double Coverage(TextFingerprint whole, IEnumerable<TextFingerprint> parts) =>
            whole.ContainedIn(TextFingerprint.Sum(parts.ToList()));

        private static string Normalise(string? text) =>
            string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        private static string NumberKey(string? number) => Normalise(number).ToUpperInvariant();

        private static int[] Filled(int count)
        {
            var array = new int[count];
            Array.Fill(array, -1);
            return array;
        }
    }

    /// <summary>Indices of the provisions one match holds, and what kind of match it is before comparing texts.</summary>
    private sealed class Unit(List<int> old, List<int> @new, ArticleMatchKinds kind)
    {
        public List<int> Old { get; } = old;

        public List<int> New { get; } = @new;

        /// <summary><see cref="ArticleMatchKinds.None"/> for one to one, or Added, Removed, Split, Merged.</summary>
        public ArticleMatchKinds Kind { get; } = kind;

        public bool Moved { get; set; }
    }
}
