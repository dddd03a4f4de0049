using DraftingRoom.Web.Collaboration;

namespace DraftingRoom.Web.Tests.Collaboration;

/// <summary>How far apart a document's broadcasts are kept, for the budget of messages per second.</summary>
public sealed class BroadcastSpacingTests
{
    private const int Budget = 25_000;
    private const int MaxMilliseconds = 20;

    [Theory]
    [InlineData(1, 0.04)]
    [InlineData(20, 0.8)]
    [InlineData(100, 4)]
    [InlineData(500, 20)]
    public void A_crowded_document_waits_longer_between_broadcasts(int recipients, double milliseconds) =>
        Assert.Equal(milliseconds, CommitBroadcaster.SpacingFor(recipients, Budget, MaxMilliseconds).TotalMilliseconds, precision: 6);

    [Theory]
    [InlineData(501)]
    [InlineData(10_000)]
    public void The_wait_never_exceeds_the_maximum(int recipients) =>
        Assert.Equal(TimeSpan.FromMilliseconds(MaxMilliseconds), CommitBroadcaster.SpacingFor(recipients, Budget, MaxMilliseconds));

    [Theory]
    [InlineData(0, Budget, MaxMilliseconds)]
    [InlineData(500, 0, MaxMilliseconds)]
    [InlineData(500, -1, MaxMilliseconds)]
    [InlineData(500, Budget, 0)]
    public void Nobody_there_or_no_budget_means_no_wait(int recipients, int budget, int maxMilliseconds) =>
        Assert.Equal(TimeSpan.Zero, CommitBroadcaster.SpacingFor(recipients, budget, maxMilliseconds));
}
