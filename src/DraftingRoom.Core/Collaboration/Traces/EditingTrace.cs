using System.IO.Compression;
using System.Text.Json;

namespace DraftingRoom.Core.Collaboration.Traces;

/// <summary>
/// A recorded editing session in the JSON format of Joseph Gentle's editing-traces collection (CC BY 4.0), used to
/// test and benchmark the engine against real typing. A sequential trace is one author's transactions in order; a
/// concurrent trace records for each transaction which agent made it and on which earlier transactions it was based.
/// </summary>
/// <remarks>Positions in the files count Unicode code points; <see cref="TracePatch.ToOperation"/> converts them to
/// the UTF-16 positions of <see cref="TextOperation"/>.</remarks>
public sealed class EditingTrace
{
    private EditingTrace(string startContent, string endContent, bool isConcurrent, IReadOnlyList<TraceTransaction> transactions)
    {
        StartContent = startContent;
        EndContent = endContent;
        IsConcurrent = isConcurrent;
        Transactions = transactions;
    }

    /// <summary>The document before the first transaction.</summary>
    public string StartContent { get; }

    /// <summary>The document after all transactions; a correct replay ends exactly here.</summary>
    public string EndContent { get; }

    /// <summary>Whether transactions were made concurrently by several agents (see <see cref="TraceTransaction.Parents"/>).</summary>
    public bool IsConcurrent { get; }

    /// <summary>The transactions, each after all of its parents.</summary>
    public IReadOnlyList<TraceTransaction> Transactions { get; }

    /// <summary>How many patches all transactions hold together.</summary>
    public int PatchCount => Transactions.Sum(t => t.Patches.Count);

    /// <summary>Reads a trace from a file, gzipped when its name ends in <c>.gz</c>.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The trace.</returns>
    /// <exception cref="InvalidDataException">The file is not an editing trace.</exception>
    public static EditingTrace Load(string path)
    {
        using var file = File.OpenRead(path);
        using Stream json = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
        return Read(json);
    }

    /// <summary>Reads a trace from uncompressed JSON.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The trace.</returns>
    /// <exception cref="InvalidDataException">The text is not an editing trace.</exception>
    public static EditingTrace Read(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        try
        {
            var isConcurrent = root.TryGetProperty("kind", out var kind) && kind.GetString() == "concurrent";
            var start = root.TryGetProperty("startContent", out var startElement) ? startElement.GetString() ?? "" : "";
            var transactions = new List<TraceTransaction>();
            foreach (var txn in root.GetProperty("txns").EnumerateArray())
            {
                transactions.Add(ReadTransaction(txn, transactions.Count, isConcurrent));
            }

            return new EditingTrace(start, root.GetProperty("endContent").GetString() ?? "", isConcurrent, transactions);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new InvalidDataException($"This is not an editing trace: {e.Message}", e);
        }
    }

    /// <summary>
    /// Converts every patch of a sequential trace, in order, into an operation on the document as the patches before
    /// it left it, starting from <see cref="StartContent"/>.
    /// </summary>
    /// <returns>One operation per patch.</returns>
    /// <exception cref="InvalidOperationException">The trace is concurrent.</exception>
    public IReadOnlyList<TextOperation> ToOperations()
    {
        if (IsConcurrent)
        {
            throw new InvalidOperationException("A concurrent trace has no single order of operations; replay it by agent.");
        }

        var document = new TextBuffer(StartContent);
        var operations = new List<TextOperation>(PatchCount);
        foreach (var patch in Transactions.SelectMany(t => t.Patches))
        {
            var operation = patch.ToOperation(document);
            document.Apply(operation);
            operations.Add(operation);
        }

        return operations;
    }

    private static TraceTransaction ReadTransaction(JsonElement txn, int index, bool isConcurrent)
    {
        var patches = txn.GetProperty("patches").EnumerateArray()
            .Select(p => new TracePatch(p[0].GetInt32(), p[1].GetInt32(), p[2].GetString() ?? ""))
            .ToArray();
        if (!isConcurrent)
        {
            return new TraceTransaction(index == 0 ? [] : [index - 1], 0, patches);
        }

        var parents = txn.GetProperty("parents").EnumerateArray().Select(p => p.GetInt32()).ToArray();
        return new TraceTransaction(parents, txn.GetProperty("agent").GetInt32(), patches);
    }
}

/// <summary>One transaction of an <see cref="EditingTrace"/>.</summary>
/// <param name="Parents">The indexes of the transactions whose merged result this one was made on; none means the
/// start document. In a sequential trace, the transaction before.</param>
/// <param name="Agent">Which author made it (0 in a sequential trace).</param>
/// <param name="Patches">Its edits, each applying to the result of the one before.</param>
public sealed record TraceTransaction(IReadOnlyList<int> Parents, int Agent, IReadOnlyList<TracePatch> Patches);

/// <summary>
/// One edit of a trace, as JavaScript's <c>splice</c>: at <see cref="Position"/>, delete <see cref="DeleteCount"/>
/// characters, then insert <see cref="Insert"/>. Position and count are in Unicode code points.
/// </summary>
/// <param name="Position">Where the edit happens, in code points.</param>
/// <param name="DeleteCount">How many code points to delete.</param>
/// <param name="Insert">The text to insert (possibly empty).</param>
public readonly record struct TracePatch(int Position, int DeleteCount, string Insert)
{
    /// <summary>The patch as an operation on <paramref name="document"/>, with positions converted to UTF-16.</summary>
    /// <param name="document">The document the patch applies to.</param>
    /// <returns>The operation.</returns>
    /// <exception cref="OperationException">The patch reaches past the end of the document.</exception>
    public TextOperation ToOperation(TextBuffer document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var start = ToUtf16(document, 0, Position);
        var end = ToUtf16(document, start, DeleteCount);
        return TextOperation.Builder()
            .Retain(start)
            .Delete(end - start)
            .Insert(Insert)
            .Retain(document.Length - end)
            .Build();
    }

    // Without surrogates in the document, code points and UTF-16 units coincide: the common case costs nothing.
    private int ToUtf16(TextBuffer document, int from, int codePoints)
    {
        if (codePoints < 0)
        {
            throw new OperationException($"The patch at {Position} has a negative position or length.");
        }

        var index = from;
        if (!document.HasSurrogates)
        {
            index += codePoints;
        }
        else
        {
            for (var i = 0; i < codePoints && index <= document.Length; i++)
            {
                var isPair = index + 1 < document.Length
                    && Utf16.SplitsPair(document[index], document[index + 1]);
                index += isPair ? 2 : 1;
            }
        }

        if (index > document.Length)
        {
            throw new OperationException(
                $"The patch at {Position} (deleting {DeleteCount}) reaches past the end of the document of "
                + $"{document.Length} characters.");
        }

        return index;
    }
}
