using DraftingRoom.Core.Versions;
using DraftingRoom.Web.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace DraftingRoom.Web.Components.Pages.Versions;

public sealed partial class ComparePage
{
    // Long comparisons render in batches, so the first articles show at once and the page stays responsive.
    private const int FirstBatch = 8;
    private const int Batch = 12;

    [Parameter] public Guid DeclarationId { get; set; }
    [SupplyParameterFromQuery] public string? From { get; set; }
    [SupplyParameterFromQuery] public string? To { get; set; }
    [SupplyParameterFromQuery] public string? View { get; set; }
    [SupplyParameterFromQuery(Name = "all")] public bool ShowUnchanged { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private VersionComparison? _comparison;
    private IReadOnlyList<ProvisionComparison> _items = [];
    private int _rendered;
    private string? _error;

    private bool IsSideBySide => View == "side";

    private IReadOnlyList<ProvisionComparison> Items => _items;

    protected override async Task OnParametersSetAsync()
    {
        _error = null;
        try
        {
            if (string.IsNullOrEmpty(From) || string.IsNullOrEmpty(To))
                throw new InvalidInputException(L["Compare_ChooseTwo"]);
            _comparison = await Versions.CompareAsync((await AuthenticationState).User, DeclarationId, From, To);
            _items = ShowUnchanged ? _comparison.Provisions : _comparison.Changed.ToList();
            _rendered = Math.Min(FirstBatch, _items.Count);
        }
        catch (Exception exception) when (exception is NotFoundException or InvalidInputException)
        {
            _error = exception.Message;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_comparison is null || _rendered >= _items.Count) return;
        await Task.Yield();
        _rendered = Math.Min(_items.Count, _rendered + Batch);
        StateHasChanged();
    }

    private string Link(string? view = null, bool? showAll = null)
    {
        var v = view ?? View ?? "inline";
        var all = showAll ?? ShowUnchanged;
        return $"declarations/{DeclarationId}/compare?from={Uri.EscapeDataString(From ?? "")}&to={Uri.EscapeDataString(To ?? "")}" +
               (v == "side" ? "&view=side" : "") + (all ? "&all=true" : "");
    }

    private IEnumerable<(int Count, string Key)> SummaryFigures()
    {
        var s = _comparison!.Summary;
        (int, string)[] figures =
        [
            (s.ArticlesChanged, "Compare_ArticlesChanged"), (s.ArticlesAdded, "Compare_ArticlesAdded"),
            (s.ArticlesRemoved, "Compare_ArticlesRemoved"), (s.ArticlesMoved, "Compare_ArticlesMoved"),
            (s.ArticlesRenumbered, "Compare_ArticlesRenumbered"), (s.ArticlesSplit, "Compare_ArticlesSplit"),
            (s.ArticlesMerged, "Compare_ArticlesMerged"),
            (s.PreambularParagraphsChanged + s.PreambularParagraphsAdded + s.PreambularParagraphsRemoved + s.PreambularParagraphsMoved,
                "Compare_PreambleChanged"),
        ];
        return figures.Where(f => f.Item1 > 0);
    }

    private static IEnumerable<string> KindLabels(ArticleMatchKinds kinds)
    {
        foreach (var kind in new[]
                 {
                     ArticleMatchKinds.Added, ArticleMatchKinds.Removed, ArticleMatchKinds.TextChanged, ArticleMatchKinds.TitleChanged,
                     ArticleMatchKinds.Renumbered, ArticleMatchKinds.Moved, ArticleMatchKinds.Split, ArticleMatchKinds.Merged,
                     ArticleMatchKinds.Unchanged,
                 })
            if (kinds.HasFlag(kind)) yield return $"CompareKind_{kind}";
    }

    private async Task NextChangeAsync()
    {
        _rendered = _items.Count;
        StateHasChanged();
        await Task.Yield();
        await JS.InvokeVoidAsync("draftingRoom.focusNextChange");
    }
}
