using DraftingRoom.Core.Collaboration;

namespace DraftingRoom.Core.Tests.Collaboration;

public class CollaborationSimulationTests
{
    [Fact]
    public void Five_clients_editing_at_once_over_a_shuffling_network_all_end_with_the_server_text() =>
        Property.ForAll(300, random =>
        {
            var network = SimulatedNetwork.Create(random, RandomEdits.Text(random, 10), clients: 5);

            for (var step = 0; step < 120; step++)
            {
                if (random.Next(3) == 0)
                {
                    network.Edit();
                }
                else
                {
                    network.DeliverOne();
                }
            }

            network.DeliverEverything();
            AssertConverged(network);
        });

    [Fact]
    public void Clients_that_drop_and_reconnect_catch_up_and_have_each_edit_applied_once() =>
        Property.ForAll(300, random =>
        {
            var network = SimulatedNetwork.Create(random, RandomEdits.Text(random, 10), clients: 4);
            var edits = 0;

            for (var step = 0; step < 150; step++)
            {
                switch (random.Next(10))
                {
                    case < 3:
                        network.Edit();
                        edits++;
                        break;
                    case 3:
                        network.Disconnect();
                        break;
                    default:
                        network.DeliverOne();
                        break;
                }
            }

            network.DeliverEverything();
            AssertConverged(network);
            var submissions = network.Server.GetOperationsSince(0).Select(c => (c.ClientId, c.Sequence)).ToList();
            Assert.Equal(submissions.Count, submissions.Distinct().Count());
        });

    private static void AssertConverged(SimulatedNetwork network)
    {
        foreach (var peer in network.Peers)
        {
            Assert.IsType<ClientState.Synchronized>(peer.Client.State);
            Assert.False(peer.Client.HasMissingRevisions);
            Assert.Equal(network.Server.Revision, peer.Client.Revision);
            Assert.Equal(network.Server.Text, peer.Text);
        }
    }
}
