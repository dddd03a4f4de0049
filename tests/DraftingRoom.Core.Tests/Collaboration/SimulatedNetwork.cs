using DraftingRoom.Core.Collaboration;

namespace DraftingRoom.Core.Tests.Collaboration;

/// <summary>
/// One <see cref="DocumentSequencer"/> and several <see cref="OtClient"/>s joined by simulated connections. Each
/// connection delivers in order, but the simulation picks at random which connection delivers next. Broadcasts and
/// acknowledgements travel on separate queues, as through different server nodes, so an acknowledgement can overtake
/// the broadcast before it; broadcasts are sometimes delivered twice.
/// </summary>
internal sealed class SimulatedNetwork
{
    private readonly Random _random;
    private readonly List<Peer> _peers = [];

    public SimulatedNetwork(Random random, string initialText, int clients)
    {
        _random = random;
        Server = new DocumentSequencer(initialText);
        for (var i = 0; i < clients; i++)
        {
            _peers.Add(new Peer(new OtClient($"client-{i}", 0), initialText));
        }
    }

    public DocumentSequencer Server { get; }

    public IReadOnlyList<Peer> Peers => _peers;

    /// <summary>A random local edit on a random client.</summary>
    public void Edit()
    {
        var peer = _peers[_random.Next(_peers.Count)];
        if (!peer.Connected)
        {
            peer.Reconnect(Server);
            return;
        }

        var operation = RandomEdits.Operation(_random, peer.Text);
        peer.Text = operation.Apply(peer.Text);
        peer.Send(peer.Client.ApplyLocal(operation));
    }

    /// <summary>Delivers one message from a random non-empty queue; false when all are empty.</summary>
    public bool DeliverOne()
    {
        var queues = _peers.SelectMany(p => p.Queues()).Where(q => q.Count > 0).ToList();
        if (queues.Count == 0)
        {
            return false;
        }

        queues[_random.Next(queues.Count)].Dequeue()();
        return true;
    }

    /// <summary>Drops a random client's connection: its queued messages are lost, except that what it sent may
    /// or may not have reached the server first.</summary>
    public void Disconnect()
    {
        var peer = _peers[_random.Next(_peers.Count)];
        if (!peer.Connected)
        {
            return;
        }

        while (peer.ToServer.Count > 0 && _random.Next(2) == 0)
        {
            peer.ToServer.Dequeue()();
        }

        peer.Connected = false;
        peer.ToServer.Clear();
        peer.Acks.Clear();
        peer.Broadcasts.Clear();
    }

    public void DeliverEverything()
    {
        foreach (var peer in _peers.Where(p => !p.Connected))
        {
            peer.Reconnect(Server);
        }

        while (DeliverOne())
        {
        }
    }

    internal sealed class Peer(OtClient client, string text)
    {
        public OtClient Client { get; } = client;

        public string Text { get; set; } = text;

        public bool Connected { get; set; } = true;

        public Queue<Action> ToServer { get; } = new();

        public Queue<Action> Acks { get; } = new();

        public Queue<Action> Broadcasts { get; } = new();

        public SimulatedNetwork? Network { get; set; }

        public IEnumerable<Queue<Action>> Queues() => [ToServer, Acks, Broadcasts];

        public void Send(OutgoingOperation? outgoing)
        {
            if (outgoing is not null)
            {
                ToServer.Enqueue(() => Network!.Submit(this, outgoing));
            }
        }

        public void Handle(ClientUpdate update)
        {
            foreach (var operation in update.ToApply)
            {
                Text = operation.Apply(Text);
            }

            Send(update.ToSend);
        }

        /// <summary>Catches up from the client's revision, then resends what is still unacknowledged.</summary>
        public void Reconnect(DocumentSequencer server)
        {
            Connected = true;
            foreach (var committed in server.GetOperationsSince(Client.Revision))
            {
                Handle(Client.Receive(committed));
            }

            Send(Client.PendingToResend);
        }
    }

    private void Submit(Peer sender, OutgoingOperation outgoing)
    {
        var result = Server.Receive(outgoing.ClientId, outgoing.Sequence, outgoing.BaseRevision, outgoing.Operation);
        var committed = result.Committed;
        sender.Acks.Enqueue(() => sender.Handle(sender.Client.ReceiveAck(committed.Revision)));
        if (result.IsDuplicate)
        {
            return;
        }

        foreach (var peer in _peers.Where(p => p != sender && p.Connected))
        {
            peer.Broadcasts.Enqueue(() => peer.Handle(peer.Client.Receive(committed)));
            if (_random.Next(10) == 0)
            {
                peer.Broadcasts.Enqueue(() => peer.Handle(peer.Client.Receive(committed)));
            }
        }
    }

    public static SimulatedNetwork Create(Random random, string initialText, int clients)
    {
        var network = new SimulatedNetwork(random, initialText, clients);
        foreach (var peer in network._peers)
        {
            peer.Network = network;
        }

        return network;
    }
}
