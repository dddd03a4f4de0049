using DraftingRoom.Core.Diff;
using DraftingRoom.Web.Accounts;
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
    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private IDialogService Dialogs { get; set; } = default!;
    [Inject] private ISnackbar Snackbar { get; set; } = default!;

    private ProposalView? _proposal;
    private string? _notFound;
    private TextDiff? _diff;
    private string? _error;
    private IReadOnlyList<EditorParticipant> _participants = [];
    private ElementReference _editorElement;
    private IJSObjectReference? _module;
    private IJSObjectReference? _editor;
    private DotNetObjectReference<ProposalPage>? _self;
    private Guid _mountedDocument;

    protected override async Task OnParametersSetAsync()
    {
        try
        {
            _proposal = await Proposals.GetAsync((await AuthenticationState).User, ProposalId);
            _diff ??= WordDiff.Compare(_proposal.OfficialText, _proposal.OfficialText);
        }
        catch (NotFoundException exception)
        {
            _notFound = exception.Message;
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_proposal is null || _mountedDocument == _proposal.DocumentId) return;
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

    [JSInvokable]
    public Task OnTextChanged(string text, long revision)
    {
        if (_proposal is null) return Task.CompletedTask;
        _diff = WordDiff.Compare(_proposal.OfficialText, text);
        return InvokeAsync(StateHasChanged);
    }

    [JSInvokable]
    public Task OnParticipantsChanged(EditorParticipant[] participants)
    {
        _participants = participants;
        return InvokeAsync(StateHasChanged);
    }

    [JSInvokable]
    public Task OnEditorError(string message)
    {
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
            _proposal = await Proposals.GetAsync((await AuthenticationState).User, ProposalId);
            Snackbar.Add(string.Format(L["Proposal_Invited"], name), Severity.Success);
        }
    }

    public async ValueTask DisposeAsync()
    {
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
