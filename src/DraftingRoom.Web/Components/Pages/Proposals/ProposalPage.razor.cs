using System.Security.Claims;
using DraftingRoom.Core.Diff;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Comments;
using DraftingRoom.Web.Components.Comments;
using DraftingRoom.Web.Components.Pages.Declarations;
using DraftingRoom.Web.Consultation;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Declarations;
using DraftingRoom.Web.Live;
using DraftingRoom.Web.Proposals;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;

namespace DraftingRoom.Web.Components.Pages.Proposals;

public sealed partial class ProposalPage
{
    [Parameter] public Guid ProposalId { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;
    [Inject] private ProposalService Proposals { get; set; } = default!;
    [Inject] private SubmissionService Submissions { get; set; } = default!;
    [Inject] private ProposalTexts Texts { get; set; } = default!;
    [Inject] private RoundService Rounds { get; set; } = default!;
    [Inject] private DeclarationService Declarations { get; set; } = default!;
    [Inject] private LiveNotifier Notifier { get; set; } = default!;
    [Inject] private CommentService Comments { get; set; } = default!;
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;
    [Inject] private NavigationManager Navigation { get; set; } = default!;

    private ClaimsPrincipal _user = new();
    private Guid _loadedId;
    private ProposalView? _proposal;
    private string? _notFound;
    private bool _roundOpen = true;
    private bool _roundIsOpen = true;

    // Comments on the proposal, on the text readers see (live while a draft, as submitted afterwards) at its revision.
    private IReadOnlyList<CommentThread>? _threads;
    private string _commentText = "";
    private long _commentRevision;
    private bool _busy;
    private IDisposable? _subscription;

    // While a draft: the live text's change against the official text.
    private TextDiff? _diff;
    private string? _liveText;
    private string? _error;
    private IReadOnlyList<EditorParticipant> _participants = [];
    private ElementReference _editorElement;
    private IJSObjectReference? _module;
    private IJSObjectReference? _editor;
    private DotNetObjectReference<ProposalPage>? _self;
    private Guid _mountedDocument;

    // Once submitted (or withdrawn, or decided): the final text and its change against the official text.
    private string? _staticText;
    private string _compareText = "";
    private int _compareRevision;
    private TextDiff? _staticDiff;
    private SideBySideDiff? _sideBySide;
    private bool _sideBySideView;

    protected override async Task OnParametersSetAsync()
    {
        _user = (await AuthenticationState).User;
        if (_loadedId != ProposalId)
        {
            // Another proposal in the same page instance: start afresh.
            await DisposeEditorAsync();
            _subscription?.Dispose();
            _subscription = null;
            _proposal = null;
            _liveText = null;
            _participants = [];
            _loadedId = ProposalId;
        }
        await LoadAsync();
        if (_proposal is not null && _subscription is null)
        {
            _subscription = Notifier.SubscribeToDeclaration(_proposal.DeclarationId, () => InvokeAsync(ReloadAsync));
        }
    }

    // Loads run one after another, so that a load started before a change never lands after the one started after
    // it (a live update and the page's own reload after an action can overlap).
    private readonly SemaphoreSlim _loading = new(1, 1);

    private async Task LoadAsync()
    {
        await _loading.WaitAsync();
        try
        {
            var proposal = await Proposals.GetAsync(_user, ProposalId);
            _roundIsOpen = (await Rounds.GetStateAsync(_user, proposal.DeclarationId)).IsOpen;
            _roundOpen = _user.HoldsThePen() || _roundIsOpen;
            var readerText = await Texts.GetAsync(proposal.Id);
            (_commentText, _commentRevision) = (readerText.Text, readerText.Revision);
            _threads = await Comments.ListAsync(_user, new CommentFilter(proposal.DeclarationId, proposal.ArticleId, proposal.Id));
            if (proposal.Status == ProposalStatus.Draft)
            {
                _staticText = null;
                // The editor reports the text as it changes; until it does, the text as the server has it.
                _liveText ??= readerText.Text;
                _diff = WordDiff.Compare(proposal.OfficialText, _liveText ?? proposal.OfficialText);
            }
            else
            {
                _staticText = proposal.SubmittedText ?? readerText.Text;
                (_compareText, _compareRevision) = await ComparisonBaseAsync(proposal);
                _staticDiff = WordDiff.Compare(_compareText, _staticText);
                _sideBySide = WordDiff.CompareSideBySide(_compareText, _staticText);
            }
            _proposal = proposal;
            _notFound = null;
        }
        catch (NotFoundException exception)
        {
            _notFound = exception.Message;
            _proposal = null;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>
    /// What the proposal is compared with: the current official text, or for an accepted proposal the official text
    /// just before the decision (the current one already contains the change).
    /// </summary>
    private async Task<(string Text, int Revision)> ComparisonBaseAsync(ProposalView proposal)
    {
        if (proposal is { Status: ProposalStatus.Accepted or ProposalStatus.AcceptedWithChanges, ResultingRevision: { } resulting })
        {
            var history = await Declarations.GetHistoryAsync(_user, proposal.ArticleId);
            if (history.FirstOrDefault(r => r.Number == resulting - 1) is { } before) return (before.Text, before.Number);
        }
        return (proposal.OfficialText, proposal.OfficialRevision);
    }

    /// <summary>Something changed in the declaration (this proposal submitted, endorsed, decided; a new official text).</summary>
    private async Task ReloadAsync()
    {
        var wasDraft = _proposal?.Status == ProposalStatus.Draft;
        await LoadAsync();
        if (wasDraft && _proposal?.Status != ProposalStatus.Draft)
        {
            // The live editor gives way to the text as submitted.
            await DisposeEditorAsync();
        }
        StateHasChanged();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The editor is mounted once per draft; later renders (live reloads) leave its element alone.
        if (_proposal is not { Status: ProposalStatus.Draft } || _mountedDocument == _proposal.DocumentId) return;
        _mountedDocument = _proposal.DocumentId;
        _self ??= DotNetObjectReference.Create(this);
        try
        {
            await MountEditorAsync();
        }
        catch (JSException exception)
        {
            _error = string.Format(L["Proposal_EditorFailed"], exception.Message);
            StateHasChanged();
        }
    }

    private async Task MountEditorAsync()
    {
        if (_proposal is null) return;
        // Bundled at build time into wwwroot/dist; the fingerprinted name lets browsers cache it safely.
        _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./" + Assets["dist/editor.js"]);
        _editor = await _module.InvokeAsync<IJSObjectReference>("mountProposalEditor", _editorElement, new
        {
            documentId = _proposal.DocumentId.ToString(),
            ariaLabel = string.Format(L["Proposal_EditorLabel"], _proposal.ArticleHeading),
            labels = new
            {
                connecting = L["Editor_Connecting"].Value,
                connected = L["Editor_Connected"].Value,
                reconnecting = L["Editor_Reconnecting"].Value,
                offline = L["Editor_Offline"].Value,
                readOnly = L["Editor_ReadOnly"].Value,
                saving = L["Editor_Saving"].Value,
                saved = L["Editor_Saved"].Value,
                savedAt = L["Editor_SavedAt"].Value,
                unsaved = L["Editor_Unsaved"].Value,
            },
            dotNetRef = _self,
            textChangedMethod = nameof(OnTextChanged),
            participantsMethod = nameof(OnParticipantsChanged),
            errorMethod = nameof(OnEditorError),
        });
    }

    private async Task DisposeEditorAsync()
    {
        var editor = _editor;
        _editor = null;
        _mountedDocument = Guid.Empty;
        _participants = [];
        _error = null;
        if (editor is null) return;
        try
        {
            await editor.InvokeVoidAsync("dispose");
            await editor.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone; its editor went with it.
        }
    }

    [JSInvokable]
    public Task OnTextChanged(string text, long revision)
    {
        if (_proposal is not { Status: ProposalStatus.Draft }) return Task.CompletedTask;
        _liveText = text;
        _diff = WordDiff.Compare(_proposal.OfficialText, text);
        return InvokeAsync(StateHasChanged);
    }

    [JSInvokable]
    public Task OnParticipantsChanged(EditorParticipant[] participants)
    {
        if (_editor is null && _mountedDocument == Guid.Empty) return Task.CompletedTask;
        _participants = participants;
        return InvokeAsync(StateHasChanged);
    }

    [JSInvokable]
    public Task OnEditorError(string message)
    {
        if (_proposal is not { Status: ProposalStatus.Draft }) return Task.CompletedTask;
        _error = message;
        return InvokeAsync(StateHasChanged);
    }

    private async Task InviteAsync()
    {
        var parameters = new DialogParameters<InviteSponsorDialog> { { d => d.ProposalId, ProposalId } };
        var dialog = await Dialogs.ShowAsync<InviteSponsorDialog>(L["Proposal_Invite"], parameters,
            new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true });
        if (await dialog.Result is { Canceled: false, Data: string name })
        {
            await LoadAsync();
            Snackbar.Add(string.Format(L["Proposal_Invited"], name), Severity.Success);
        }
    }

    private async Task SubmitAsync()
    {
        if (_busy) return;
        _busy = true;
        try
        {
            var parameters = new DialogParameters<SubmitProposalDialog> { { d => d.ProposalId, ProposalId } };
            var dialog = await Dialogs.ShowAsync<SubmitProposalDialog>(L["Proposal_SubmitTitle"], parameters,
                new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseButton = true });
            if (await dialog.Result is { Canceled: false })
            {
                await ReloadAsync();
                Snackbar.Add(L["Proposal_Submitted"], Severity.Success);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task WithdrawAsync()
    {
        if (_busy) return;
        _busy = true;
        try
        {
            var confirmed = await Dialogs.ShowMessageBoxAsync(L["Proposal_WithdrawTitle"], L["Proposal_WithdrawText"],
                yesText: L["Proposal_WithdrawConfirm"], cancelText: L["Proposal_KeepIt"]);
            if (confirmed != true) return;
            await Submissions.WithdrawAsync(_user, ProposalId);
            await ReloadAsync();
            Snackbar.Add(L["Proposal_WithdrawnMessage"], Severity.Success);
        }
        catch (Exception exception) when (UserFacingErrors.Is(exception))
        {
            Snackbar.Add(exception.Message, Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task EndorseAsync()
    {
        // A second click while the first is being saved does nothing.
        if (_busy) return;
        _busy = true;
        try
        {
            await Submissions.EndorseAsync(_user, ProposalId);
            await LoadAsync();
            Snackbar.Add(string.Format(L["Proposal_EndorsedMessage"], MyOrganisation), Severity.Success);
        }
        catch (Exception exception) when (UserFacingErrors.Is(exception))
        {
            Snackbar.Add(exception.Message, Severity.Error);
            await LoadAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ShowRevisionAsync()
    {
        if (_proposal?.ResultingRevision is not { } revision) return;
        var parameters = new DialogParameters<RevisionHistoryDialog>
        {
            { d => d.ArticleId, _proposal.ArticleId },
            { d => d.FocusRevision, revision },
        };
        await Dialogs.ShowAsync<RevisionHistoryDialog>(string.Format(L["Reader_HistoryOf"], _proposal.ArticleHeading), parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true });
    }

    /// <summary>The comparison is with an official text newer than the proposal's base: not every difference is the proposal's.</summary>
    private bool OfficialMovedOn => _proposal is { Status: not ProposalStatus.Draft } && _compareRevision != _proposal.BaseRevision;

    private string TextScopeId => $"proposal-text-{ProposalId}";

    private string ArticleLink => $"declarations/{_proposal!.DeclarationId}#article-{_proposal.ArticleId}";

    private string? MyOrganisation => _user.FindFirstValue(DraftingRoomClaims.OrganisationName);

    private bool CanSubmit => _proposal is { Status: ProposalStatus.Draft, IsSponsor: true } && _roundOpen;

    private bool CanWithdraw => _proposal is { Status: ProposalStatus.Draft or ProposalStatus.Submitted, IsSponsor: true };

    private bool CanDecide => _proposal is { Status: ProposalStatus.Submitted } && _user.CanDecide();

    private bool WouldEndorse => _proposal is { Status: ProposalStatus.Submitted, IsSponsoredByMyOrganisation: false, IsEndorsedByMyOrganisation: false }
        && _user.CanEndorse() && MyOrganisation is not null;

    private bool CanEndorse => WouldEndorse && _roundOpen;

    private bool ShowActions => CanSubmit || CanWithdraw || CanDecide || CanEndorse;

    private string? MyOrganisationNote => _proposal switch
    {
        { IsEndorsedByMyOrganisation: true } when MyOrganisation is not null => string.Format(L["Proposal_MyOrganisationEndorses"], MyOrganisation),
        { IsSponsoredByMyOrganisation: true, IsSponsor: false, Status: not ProposalStatus.Draft } when MyOrganisation is not null =>
            string.Format(L["Proposal_MyOrganisationSponsors"], MyOrganisation),
        _ => null,
    };

    private string? RoundClosedNote =>
        !_roundOpen && (_proposal is { Status: ProposalStatus.Draft, IsSponsor: true } || WouldEndorse) ? L["Proposal_RoundClosed"].Value : null;

    private string StatusIcon => _proposal!.Status switch
    {
        ProposalStatus.Draft => Icons.Material.Outlined.EditNote,
        ProposalStatus.Submitted => Icons.Material.Outlined.Outbox,
        ProposalStatus.Withdrawn => Icons.Material.Outlined.Undo,
        ProposalStatus.Accepted => Icons.Material.Outlined.CheckCircle,
        ProposalStatus.AcceptedWithChanges => Icons.Material.Outlined.PublishedWithChanges,
        _ => Icons.Material.Outlined.Cancel,
    };

    private string StatusTitle => _proposal!.Status switch
    {
        ProposalStatus.Submitted when _proposal.SubmittedAt is { } at => string.Format(L["Proposal_SubmittedOn"], Dates.Day(at)),
        var status => L[$"ProposalStatus_{status}"],
    };

    private string StatusDetail
    {
        get
        {
            var p = _proposal!;
            var decided = p.DecidedAt is { } at ? Dates.Day(at) : "";
            return p.Status switch
            {
                ProposalStatus.Draft => L["Proposal_StatusDraft"],
                ProposalStatus.Submitted => L["Proposal_StatusSubmitted"],
                ProposalStatus.Withdrawn when p.WithdrawnAt is { } withdrawn => string.Format(L["Proposal_StatusWithdrawn"], Dates.Day(withdrawn)),
                ProposalStatus.Withdrawn => L["Proposal_StatusWithdrawnUndated"],
                ProposalStatus.Accepted => string.Format(L["Proposal_StatusAccepted"], decided, p.ResultingRevision, p.ArticleHeading),
                ProposalStatus.AcceptedWithChanges => string.Format(L["Proposal_StatusAcceptedWithChanges"], decided, p.ResultingRevision, p.ArticleHeading),
                _ => string.Format(L["Proposal_StatusRejected"], decided),
            };
        }
    }

    private string TextHeading => _proposal!.SubmittedText is null ? L["Proposal_TextAsWithdrawn"] : L["Proposal_TextAsSubmitted"];

    private string ComparisonHeading => _proposal is { Status: ProposalStatus.Accepted or ProposalStatus.AcceptedWithChanges } && _compareRevision != _proposal.OfficialRevision
        ? string.Format(L["Proposal_ChangeAgainstBefore"], _proposal.ArticleHeading, _compareRevision)
        : string.Format(L["Proposal_ChangeAgainstRevision"], _proposal!.ArticleHeading, _compareRevision);

    private string EndorsementCount => _proposal!.Endorsements.Count switch
    {
        0 => L["Proposal_EndorsedByNone"],
        1 => L["Proposal_EndorsedByOne"],
        var n => string.Format(L["Proposal_EndorsedByMany"], n),
    };

    private string EndorserKind(EndorsementView endorsement) => endorsement.RegionalGroup is { } group
        ? $"{L[$"Kind_{endorsement.Kind}"]}, {L[$"Group_{group}"]}"
        : L[$"Kind_{endorsement.Kind}"];

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        try
        {
            if (_editor is not null)
            {
                await _editor.InvokeVoidAsync("dispose");
                await _editor.DisposeAsync();
            }
            if (_module is not null) await _module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone; its editor went with it.
        }
        _self?.Dispose();
    }

    public sealed record EditorParticipant(string ConnectionId, string UserId, string Name, string? Organisation,
        string Colour, bool CanEdit, bool IsSelf);
}
