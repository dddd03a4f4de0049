using System.Security.Claims;
using DraftingRoom.Core.Merging;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Decisions;
using DraftingRoom.Web.Live;
using DraftingRoom.Web.Proposals;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace DraftingRoom.Web.Components.Pages.Decisions;

/// <summary>
/// The Independent Expert reviews a submitted proposal merged into the current official text, settles any conflict,
/// and accepts it (as merged, or with her own changes) or rejects it.
/// </summary>
public sealed partial class DecisionPage
{
    private const int ContextLength = 60;

    [Parameter] public Guid ProposalId { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private ProposalService Proposals { get; set; } = default!;
    [Inject] private DecisionService Decisions { get; set; } = default!;
    [Inject] private LiveNotifier Notifier { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private ClaimsPrincipal _user = new();
    private ProposalView? _proposal;
    private DecisionPreview? _preview;
    private string? _refusal;
    private IDisposable? _subscription;

    private readonly Dictionary<int, ConflictChoice> _choices = [];
    private readonly Dictionary<int, string> _custom = [];
    private string _note = "";
    private string? _noteError;
    private string _changesText = "";
    private bool _changesEdited;
    private string? _error;
    private bool _busy;
    private bool _decided;

    // The official text moved on (or the proposal changed) while the page was open.
    private string? _stale;
    private DecisionPreview? _pending;

    protected override async Task OnParametersSetAsync()
    {
        _user = (await AuthenticationState).User;
        try
        {
            _proposal = await Proposals.GetAsync(_user, ProposalId);
        }
        catch (Exception exception) when (UserFacingErrors.Is(exception))
        {
            _refusal = exception.Message;
            return;
        }
        await LoadPreviewAsync();
        _subscription?.Dispose();
        if (_refusal is null)
            _subscription = Notifier.SubscribeToDeclaration(_proposal.DeclarationId, () => InvokeAsync(CheckForChangesAsync));
    }

    private async Task LoadPreviewAsync()
    {
        try
        {
            Apply(await Decisions.PreviewAsync(_user, ProposalId));
            _refusal = null;
        }
        catch (Exception exception) when (UserFacingErrors.Is(exception))
        {
            _refusal = exception.Message;
        }
    }

    private void Apply(DecisionPreview preview)
    {
        _preview = preview;
        _choices.Clear();
        _custom.Clear();
        _changesEdited = false;
        _stale = null;
        _pending = null;
        RefreshChanges();
    }

    /// <summary>Something changed in the declaration: tell her if it touches what she is reviewing.</summary>
    private async Task CheckForChangesAsync()
    {
        if (_busy || _decided || _preview is null) return;
        try
        {
            var latest = await Decisions.PreviewAsync(_user, ProposalId);
            if (latest.OfficialRevision == _preview.OfficialRevision) return;
            _pending = latest;
            _stale = string.Format(L["Decision_OfficialChangedMeanwhile"], _proposal!.ArticleHeading, latest.OfficialRevision);
        }
        catch (Exception exception) when (UserFacingErrors.Is(exception))
        {
            // Withdrawn or decided meanwhile.
            _pending = null;
            _stale = exception.Message;
        }
        StateHasChanged();
    }

    private void ApplyPending()
    {
        if (_pending is not null) Apply(_pending);
    }

    private ConflictChoice? ChoiceOf(int index) => _choices.TryGetValue(index, out var choice) ? choice : null;

    private string CustomOf(int index) => _custom.TryGetValue(index, out var text) ? text : "";

    private void Choose(int index, ConflictChoice? choice)
    {
        if (choice is null)
        {
            _choices.Remove(index);
        }
        else
        {
            _choices[index] = choice.Value;
            // Her own wording starts from the proposal's.
            if (choice == ConflictChoice.Custom && !_custom.ContainsKey(index))
                _custom[index] = Prefill(_preview!.Merge.Conflicts[index]);
        }
        RefreshChanges();
    }

    private void SetCustom(int index, string? text)
    {
        _custom[index] = text ?? "";
        RefreshChanges();
    }

    private bool IsSettled(int index) => _choices.ContainsKey(index);

    private ConflictResolution? ResolutionOf(int index) => ChoiceOf(index) switch
    {
        null => null,
        ConflictChoice.Custom => ConflictResolution.Custom(WithSharedSpace(_preview!.Merge.Conflicts[index], CustomOf(index))),
        var choice => ConflictResolution.From(choice.Value),
    };

    /// <summary>The text a conflict becomes as she settled it; null while unsettled.</summary>
    private string? SettledText(ConflictChunk conflict) =>
        ResolutionOf(conflict.Index) is { } resolution ? conflict.Resolve(resolution) : null;

    /// <summary>
    /// The white space both sides of a conflict begin and end with (or the one side with words, when the other
    /// deleted them). Her own wording is typed without it, so it is put back around what she wrote: otherwise her
    /// words would run into the next ones.
    /// </summary>
    private static (string Lead, string Trail) SharedSpace(ConflictChunk conflict)
    {
        var sides = new[] { conflict.OursText, conflict.TheirsText }.Where(t => t.Trim().Length > 0).ToList();
        if (sides.Count == 0) return ("", "");
        var lead = sides.All(t => Leading(t).Length > 0) ? Leading(sides[^1]) : "";
        var trail = sides.All(t => Trailing(t).Length > 0) ? Trailing(sides[^1]) : "";
        return (lead, trail);
    }

    /// <summary>The proposal's words without the shared white space, to start her own wording from.</summary>
    private static string Prefill(ConflictChunk conflict)
    {
        var (lead, trail) = SharedSpace(conflict);
        var text = conflict.TheirsText;
        if (lead.Length > 0 && text.StartsWith(lead, StringComparison.Ordinal)) text = text[lead.Length..];
        if (trail.Length > 0 && text.EndsWith(trail, StringComparison.Ordinal)) text = text[..^trail.Length];
        return text.Trim().Length == 0 ? "" : text;
    }

    private static string WithSharedSpace(ConflictChunk conflict, string text)
    {
        if (text.Trim().Length == 0) return "";
        var (lead, trail) = SharedSpace(conflict);
        return (char.IsWhiteSpace(text[0]) ? "" : lead) + text + (char.IsWhiteSpace(text[^1]) ? "" : trail);
    }

    private static string Leading(string text) => text[..(text.Length - text.TrimStart().Length)];

    private static string Trailing(string text) => text.Trim().Length == 0 ? "" : text[text.TrimEnd().Length..];

    /// <summary>The white space around a side's words as shown; a side that deleted the words gets a space each side of its note.</summary>
    private static string Around(string text, bool leading) =>
        text.Trim().Length == 0 ? " " : leading ? Leading(text) : Trailing(text);

    private int UnsettledCount => _preview?.Merge.Conflicts.Count(c => !IsSettled(c.Index)) ?? 0;

    private bool AllSettled => UnsettledCount == 0;

    /// <summary>The merged text with every conflict settled as she chose; unsettled ones take the proposal's wording.</summary>
    private string DraftText() => _preview!.Merge.HasConflicts
        ? _preview.Merge.Resolve(_preview.Merge.Conflicts.ToDictionary(c => c.Index, c => ResolutionOf(c.Index) ?? ConflictResolution.Theirs))
        : _preview.Merge.Text;

    private void RefreshChanges()
    {
        if (!_changesEdited && _preview is not null) _changesText = DraftText();
    }

    private void EditChanges(string? text)
    {
        _changesText = text ?? "";
        _changesEdited = true;
    }

    private void ResetChanges()
    {
        _changesEdited = false;
        RefreshChanges();
    }

    private async Task DecideAsync(DecisionKind kind)
    {
        // One decision at a time: a second click while the first is being saved does nothing.
        if (_busy || _preview is null || _proposal is null) return;
        _error = null;
        _noteError = null;
        if (kind == DecisionKind.Reject && string.IsNullOrWhiteSpace(_note))
        {
            _noteError = L["Decision_ReasonsRequired"];
            return;
        }
        if (kind == DecisionKind.Accept && !AllSettled)
        {
            _error = string.Format(L["Decision_SettleFirst"], UnsettledCount);
            return;
        }

        var text = kind switch
        {
            DecisionKind.Accept when _preview.Merge.HasConflicts => _preview.Merge.Resolve(
                _preview.Merge.Conflicts.ToDictionary(c => c.Index, c => ResolutionOf(c.Index)!)),
            DecisionKind.AcceptWithChanges => _changesText,
            _ => null,
        };
        _busy = true;
        try
        {
            var revision = await Decisions.DecideAsync(_user, ProposalId,
                new DecisionRequest(kind, _note, text, _preview.OfficialRevision));
            _decided = true;
            _subscription?.Dispose();
            Snackbar.Add(kind switch
            {
                DecisionKind.Accept => string.Format(L["Decision_Accepted"], _proposal.ArticleHeading, revision),
                DecisionKind.AcceptWithChanges => string.Format(L["Decision_AcceptedWithChanges"], _proposal.ArticleHeading, revision),
                _ => L["Decision_Rejected"].Value,
            }, Severity.Success);
            Navigation.NavigateTo(ProposalLink);
        }
        catch (ConflictException exception)
        {
            // The official text changed meanwhile with conflicting words: review the new merge.
            _error = exception.Message;
            var error = _error;
            await LoadPreviewAsync();
            _error = error;
        }
        catch (Exception exception) when (UserFacingErrors.Is(exception))
        {
            _error = exception.Message;
        }
        finally
        {
            _busy = false;
        }
    }

    private string ProposalLink => $"proposals/{ProposalId}";

    private string CurrentPath => Navigation.ToBaseRelativePath(Navigation.Uri).Split('#')[0];

    private string SponsorNames => string.Join(", ", _proposal!.Sponsors.Select(s => s.Organisation ?? s.DisplayName).Distinct());

    private string EndorsementCount => _proposal!.Endorsements.Count switch
    {
        0 => L["Proposal_EndorsedByNone"],
        1 => L["Proposal_EndorsedByOne"],
        var n => string.Format(L["Proposal_EndorsedByMany"], n),
    };

    private string ConflictSummary => _preview!.Merge.Conflicts.Count == 1
        ? L["Decision_OneConflict"]
        : string.Format(L["Decision_ManyConflicts"], _preview.Merge.Conflicts.Count);

    private string SettledStatus => !_preview!.Merge.HasConflicts
        ? L["Decision_NoConflicts"]
        : AllSettled
            ? L["Decision_AllSettled"]
            : string.Format(L["Decision_SettledCount"], _preview.Merge.Conflicts.Count - UnsettledCount, _preview.Merge.Conflicts.Count);

    private string ConflictMarker(ConflictChunk conflict) => IsSettled(conflict.Index)
        ? string.Format(L["Decision_SettledMarker"], conflict.Index + 1)
        : string.Format(L["Decision_UnsettledMarker"], conflict.Index + 1);

    // The words around a conflict, as each side reads them, so that the conflicting words are seen in their sentence.
    private string ContextBefore(ConflictChunk conflict, bool official)
    {
        var chunks = _preview!.Merge.Chunks;
        var position = IndexOf(conflict);
        if (position <= 0 || chunks[position - 1] is not ResolvedChunk before) return "";
        var text = SideText(before, official);
        var paragraph = text.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (paragraph >= 0) text = text[(paragraph + 2)..];
        if (text.Length <= ContextLength) return text;
        var cut = text.IndexOf(' ', text.Length - ContextLength);
        return "…" + (cut >= 0 ? text[cut..] : text[^ContextLength..]);
    }

    private string ContextAfter(ConflictChunk conflict, bool official)
    {
        var chunks = _preview!.Merge.Chunks;
        var position = IndexOf(conflict);
        if (position < 0 || position + 1 >= chunks.Count || chunks[position + 1] is not ResolvedChunk after) return "";
        var text = SideText(after, official);
        var paragraph = text.IndexOf("\n\n", StringComparison.Ordinal);
        if (paragraph >= 0) text = text[..paragraph];
        if (text.Length <= ContextLength) return text;
        var cut = text.LastIndexOf(' ', ContextLength);
        return (cut > 0 ? text[..cut] : text[..ContextLength]) + "…";
    }

    private int IndexOf(ConflictChunk conflict)
    {
        var chunks = _preview!.Merge.Chunks;
        for (var i = 0; i < chunks.Count; i++)
            if (ReferenceEquals(chunks[i], conflict)) return i;
        return -1;
    }

    private static string SideText(ResolvedChunk chunk, bool official) => chunk.Origin switch
    {
        MergeChunkOrigin.Theirs when official => chunk.BaseText,
        MergeChunkOrigin.Ours when !official => chunk.BaseText,
        _ => chunk.Text,
    };

    public void Dispose() => _subscription?.Dispose();
}
