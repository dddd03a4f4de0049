using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using DraftingRoom.Core.Collaboration;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Declarations;
using DraftingRoom.Web.Hosting;
using DraftingRoom.Web.Proposals;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace DraftingRoom.Benchmarks.CoEditing;

/// <summary>
/// Many people in one proposal at once: N editors typing 5 keystrokes a second each near their own caret, and M
/// watchers, all on one document, over real SignalR connections to the app running in a process of its own (so its
/// CPU and memory are its own), on a private PostgreSQL. With --nodes N, N app processes on that database and a Redis
/// of their own (the SignalR backplane), the clients spread over them in turn. Measures, for every keystroke, the time until every other
/// client has applied it; acknowledgements per second; server CPU and memory; and checks that nothing acknowledged
/// was lost or applied twice and that every client ends with the server's text.
/// </summary>
internal static partial class CoEditingBenchmark
{
    private const double KeystrokesPerSecond = 5;
    private const string Password = "solidarity-demo-2027";
    private static readonly string[] EditorAccounts =
        ["gsn@draftingroom.example", "amaria@draftingroom.example", "serrania@draftingroom.example"];
    // A colleague of a sponsor may watch the proposal but not edit it.
    private const string WatcherAccount = "amaria.adviser@draftingroom.example";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("Usage: co-editing [--editors N] [--watchers M] [--seconds S] [--warmup W] [--nodes 1] [--redis 0|1] [--seed X]");
            Console.Error.WriteLine("  --warmup W  seconds of typing before the measured S seconds, left out of the figures (default 5).");
            Console.Error.WriteLine("  --nodes N   app processes on one database; clients are spread over them in turn. More than one needs Redis.");
            Console.Error.WriteLine("  --redis 1   run the nodes on a Redis of their own (the SignalR backplane); the default with --nodes 2 or more.");
            return 2;
        }
        if (options.Nodes > 1 && !options.Redis)
        {
            Console.Error.WriteLine("--nodes: several nodes need Redis (the SignalR backplane) to hear each other's commits; leave out --redis 0.");
            return 2;
        }

        var root = FindRepositoryRoot();
        var webProject = Path.Combine(root, "src", "DraftingRoom.Web");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var webAssembly = Path.Combine(webProject, "bin", configuration, "net10.0", "DraftingRoom.Web.dll");
        if (!File.Exists(webAssembly))
        {
            Console.Error.WriteLine($"Build DraftingRoom.Web ({configuration}) first: {webAssembly} is missing.");
            return 1;
        }

        Console.WriteLine(Invariant($"co-editing: {options.Editors} editors at {KeystrokesPerSecond} keystrokes/s, {options.Watchers} watchers, {options.Warmup} s of warm-up then {options.Seconds} s measured, {options.Nodes} node(s){(options.Redis ? " on Redis" : "")}, seed {options.Seed}; {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        await using var cluster = await EmbeddedPostgres.StartAsync(
            Path.Combine(Path.GetTempPath(), $"draftingroom-bench-{Environment.ProcessId}-{Guid.NewGuid():N}"), deleteOnDispose: true);
        var connectionString = cluster.ConnectionString();
        var documentId = await PrepareDatabaseAsync(connectionString, webProject);

        var nodes = new List<AppNode>();
        var redis = options.Redis ? await RedisNode.StartAsync() : null;
        try
        {
            for (var i = 0; i < options.Nodes; i++)
                nodes.Add(await AppNode.StartAsync(connectionString, webProject, webAssembly, redis?.ConnectionString));
            return await MeasureAsync(options, nodes, redis, connectionString, documentId);
        }
        finally
        {
            foreach (var node in nodes) await node.DisposeAsync();
            if (redis is not null) await redis.DisposeAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }

    private static async Task<int> MeasureAsync(Options options, IReadOnlyList<AppNode> nodes, RedisNode? redis,
        string connectionString, Guid documentId)
    {
        // The server is every node together: CPU time and working sets are summed over them.
        long ServerWorkingSet() => nodes.Sum(n => n.WorkingSet);
        TimeSpan ServerCpuTime() => TimeSpan.FromTicks(nodes.Sum(n => n.CpuTime.Ticks));
        var total = options.Editors + options.Watchers;
        var tracker = new DeliveryTracker(total);
        var parsed = new ParsedOperations();

        // One sign-in per account and node; the connections of one account share its cookies.
        var cookies = new Dictionary<(string, Uri), CookieContainer>();
        foreach (var node in nodes)
            foreach (var account in EditorAccounts.Append(WatcherAccount))
                cookies[(account, node.BaseAddress)] = await SignInAsync(node.BaseAddress, account);
        var memoryBefore = ServerWorkingSet();

        var clients = new LoadClient[total];
        using (var connecting = new SemaphoreSlim(16))
        {
            await Task.WhenAll(Enumerable.Range(0, total).Select(async i =>
            {
                await connecting.WaitAsync();
                try
                {
                    // Clients are spread over the nodes in turn: editors and watchers alike.
                    var node = nodes[i % nodes.Count].BaseAddress;
                    var account = i < options.Editors ? EditorAccounts[i % EditorAccounts.Length] : WatcherAccount;
                    clients[i] = await LoadClient.ConnectAsync(node, cookies[(account, node)], documentId, tracker, parsed, options.Seed + i);
                }
                finally
                {
                    connecting.Release();
                }
            }));
        }
        var editors = clients.Take(options.Editors).ToArray();
        if (editors.Any(e => !e.CanEdit) || clients.Skip(options.Editors).Any(w => w.CanEdit))
            throw new InvalidOperationException("Editors must be able to edit and watchers must not.");
        var memoryConnected = ServerWorkingSet();
        Console.WriteLine(Invariant($"connected {total} clients; server working set {Mb(memoryBefore):F0} MB before, {Mb(memoryConnected):F0} MB after: {(memoryConnected - memoryBefore) / 1024.0 / total:F0} KB per client"));

        using var stop = new CancellationTokenSource();
        long peakMemory = memoryConnected;
        var monitor = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.WhenAll(clients.Select(c => c.CheckAsync()));
                peakMemory = Math.Max(peakMemory, ServerWorkingSet());
                try
                {
                    await Task.Delay(500, stop.Token);
                }
                catch (OperationCanceledException)
                {
                }
            }
        });

        // Editors type through the warm-up and then the measured window; keystrokes typed during the warm-up are
        // delivered and checked like the others but left out of the figures (the app's code is still being compiled
        // to its optimised tiers and its thread pool is still growing then).
        var window = Stopwatch.StartNew();
        var warmup = TimeSpan.FromSeconds(options.Warmup);
        var typingEnds = warmup + TimeSpan.FromSeconds(options.Seconds);
        var typing = editors.Select((editor, i) => Task.Run(async () =>
        {
            var random = new Random(options.Seed * 31 + i);
            var interval = 1000.0 / KeystrokesPerSecond;
            var next = random.NextDouble() * interval;
            while (true)
            {
                var wait = next - window.Elapsed.TotalMilliseconds;
                if (wait > 0) await Task.Delay(TimeSpan.FromMilliseconds(wait));
                if (window.Elapsed >= typingEnds) break;
                editor.Type();
                next += interval * (0.5 + random.NextDouble());
            }
        })).ToArray();
        var progress = Task.Run(async () =>
        {
            while (window.Elapsed < typingEnds)
            {
                await Task.Delay(TimeSpan.FromSeconds(5));
                Console.WriteLine(Invariant($"  {window.Elapsed.TotalSeconds,4:F0} s: {editors.Sum(e => e.Keystrokes)} keystrokes, {tracker.AcknowledgedCount} acknowledged, {tracker.KeystrokeLatencies().Count} keystrokes seen by everyone"));
            }
        });
        if (warmup > TimeSpan.Zero) await Task.Delay(warmup);
        var storesAtStart = await NodeHistograms.ScrapeAsync(nodes, StoreHistogram);
        var acksAtStart = await NodeHistograms.ScrapeAsync(nodes, AckHistogram);
        var measureFrom = Stopwatch.GetTimestamp();
        var serverCpuStart = ServerCpuTime();
        var redisCpuStart = redis?.CpuTime ?? TimeSpan.Zero;
        var harnessCpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        var acknowledgedAtStart = tracker.AcknowledgedCount;
        await Task.WhenAll(typing);
        var elapsed = Stopwatch.GetElapsedTime(measureFrom);
        var serverCpu = ServerCpuTime() - serverCpuStart;
        var redisCpu = (redis?.CpuTime ?? TimeSpan.Zero) - redisCpuStart;
        var harnessCpu = Process.GetCurrentProcess().TotalProcessorTime - harnessCpuStart;
        var acknowledgedInWindow = tracker.AcknowledgedCount - acknowledgedAtStart;
        var stores = (await NodeHistograms.ScrapeAsync(nodes, StoreHistogram)).Since(storesAtStart);
        var acks = (await NodeHistograms.ScrapeAsync(nodes, AckHistogram)).Since(acksAtStart);
        await progress;

        // Let everything in flight land: editors get their last acknowledgements, everyone the last revisions.
        var drainDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(Math.Max(60, options.Seconds * 2));
        var drain = Stopwatch.StartNew();
        while (editors.Any(e => !e.IsSettled) && DateTime.UtcNow < drainDeadline) await Task.Delay(50);
        var finalRevision = await LastRevisionAsync(connectionString, documentId);
        while (clients.Any(c => c.Revision < finalRevision) && DateTime.UtcNow < drainDeadline) await Task.Delay(50);
        var drained = drain.Elapsed;
        await stop.CancelAsync();
        await monitor;

        var (serverText, logDuplicates, revisions) = await ReadLogAsync(connectionString, documentId);
        var diverged = clients.Count(c => c.Text != serverText);
        var behind = clients.Count(c => c.Revision < finalRevision);
        var lost = tracker.Lost;
        var duplicated = tracker.Duplicated + logDuplicates;
        var allLatencies = tracker.KeystrokeLatencies();
        var latencies = allLatencies.Where(s => s.TypedAt >= measureFrom).Select(s => s.Milliseconds).Order().ToArray();
        var ackLatencies = tracker.AckLatencies().Where(s => s.TypedAt >= measureFrom).Select(s => s.Milliseconds).Order().ToArray();
        var withWarmup = allLatencies.Select(s => s.Milliseconds).Order().ToArray();
        var keystrokes = editors.Sum(e => e.Keystrokes);

        Console.WriteLine(Invariant($"typed {keystrokes} keystrokes in {options.Warmup} s of warm-up and {elapsed.TotalSeconds:F1} s measured; {acknowledgedInWindow} operations acknowledged in the measured time ({acknowledgedInWindow / elapsed.TotalSeconds:F0} acks/s), {tracker.AcknowledgedCount} in all; {revisions} revisions in the log; drained in {drained.TotalSeconds:F1} s"));
        Console.WriteLine(Invariant($"keystroke to acknowledgement: p50 {P(ackLatencies, 50):F1} ms, p95 {P(ackLatencies, 95):F1} ms, p99 {P(ackLatencies, 99):F1} ms over {ackLatencies.Length} keystrokes"));
        Console.WriteLine(Invariant($"keystroke to applied by every other client: p50 {P(latencies, 50):F1} ms, p95 {P(latencies, 95):F1} ms, p99 {P(latencies, 99):F1} ms, max {(latencies.Length > 0 ? latencies[^1] : double.NaN):F1} ms over {latencies.Length} keystrokes"));
        Console.WriteLine(Invariant($"the same with the warm-up: p50 {P(withWarmup, 50):F1} ms, p95 {P(withWarmup, 95):F1} ms, p99 {P(withWarmup, 99):F1} ms over {withWarmup.Length} keystrokes"));
        Console.WriteLine(Invariant($"p99 by 5 s of the measured time: {string.Join(", ", allLatencies.Where(s => s.TypedAt >= measureFrom).GroupBy(s => (int)(Stopwatch.GetElapsedTime(measureFrom, s.TypedAt).TotalSeconds / 5)).OrderBy(g => g.Key).Select(g => P(g.Select(s => s.Milliseconds).Order().ToArray(), 99).ToString("F0", CultureInfo.InvariantCulture) + " ms"))}"));
        Console.WriteLine(Invariant($"server CPU ({nodes.Count} node(s)) {serverCpu.TotalSeconds:F1} s in {elapsed.TotalSeconds:F1} s ({serverCpu.TotalSeconds / elapsed.TotalSeconds * 100:F0}% of one core); load clients {harnessCpu.TotalSeconds:F1} s ({harnessCpu.TotalSeconds / elapsed.TotalSeconds * 100:F0}%); server working set peak {Mb(peakMemory):F0} MB"));
        // The app's own view: what the disk cost (every batch write includes PostgreSQL's flush) and how long the
        // app took to acknowledge, apart from the load clients' share of the cores.
        Console.WriteLine(Invariant($"the app's histograms over the measured time: {stores.Count:F0} batch writes, 99% within {Ms(stores.UpperBound(99))}, {stores.Over(0.1):F0} over 100 ms and {stores.Over(0.25):F0} over 250 ms; acknowledgements p50 within {Ms(acks.UpperBound(50))}, p99 within {Ms(acks.UpperBound(99))}"));
        if (redis is not null)
            Console.WriteLine(Invariant($"redis CPU {redisCpu.TotalSeconds:F1} s ({redisCpu.TotalSeconds / elapsed.TotalSeconds * 100:F0}% of one core)"));
        Console.WriteLine(Invariant($"checks: {diverged} clients differ from the server's text, {behind} behind its last revision, {tracker.Mismatched} revisions reported with two different submissions, {tracker.Unacknowledged} operations applied but never acknowledged, {clients.Sum(c => c.Refusals)} refused or failed calls"));
        Console.WriteLine(Invariant($"nodes={nodes.Count} redis={(redis is null ? 0 : 1)} editors={options.Editors} watchers={options.Watchers} ops={tracker.AcknowledgedCount} lost={lost} duplicated={duplicated} p50_ms={P(latencies, 50):F1} p95_ms={P(latencies, 95):F1} p99_ms={P(latencies, 99):F1} server_mb={Mb(peakMemory):F0}"));

        for (var i = 0; i < nodes.Count; i++)
        {
            // What a node complained of (its log level is Warning): a failed broadcast, a lost Redis connection.
            var lines = nodes[i].Output.Split('\n');
            static bool IsComplaint(string line) => line.StartsWith("warn:", StringComparison.Ordinal) || line.StartsWith("fail:", StringComparison.Ordinal);
            var complaints = lines.Count(IsComplaint);
            if (complaints > 0)
            {
                // The complaint, its message and its exceptions, without their stack traces.
                var last = Array.FindLastIndex(lines, IsComplaint);
                var told = lines.Skip(last).Take(60).Select(l => l.Trim()).Where(l => !l.StartsWith("at ", StringComparison.Ordinal)).Take(6);
                Console.WriteLine(Invariant($"node {i + 1} logged {complaints} warnings or errors (of its last lines), the last: {string.Join(" | ", told)}"));
            }
        }
        foreach (var client in clients) await client.DisposeAsync();
        return diverged == 0 && lost == 0 && duplicated == 0 && tracker.Mismatched == 0 ? 0 : 1;
    }

    private const string StoreHistogram = "draftingroom_operation_store_duration_seconds";
    private const string AckHistogram = "draftingroom_operation_ack_duration_seconds";

    private static string Ms(double seconds) => Invariant($"{seconds * 1000:G4} ms");

    private static double P(double[] sorted, double percentile) => Percentiles.Of(sorted, percentile);

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Migrates and seeds the database in this process (demo accounts, sample declaration) and opens a
    /// proposal on its first article, sponsored by the editor accounts.</summary>
    private static async Task<Guid> PrepareDatabaseAsync(string connectionString, string webProject)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:DraftingRoom"] = connectionString,
            ["Seed:DemoAccounts"] = "true",
            ["Seed:SampleDeclaration"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await using var app = await DraftingRoomApp.BuildAsync(
            new WebApplicationOptions { ApplicationName = "DraftingRoom.Web", ContentRootPath = webProject, EnvironmentName = "Production" },
            builder => builder.Configuration.AddInMemoryCollection(settings));
        var sponsor = await PrincipalAsync(app.Services, EditorAccounts[0]);
        var declarations = app.Services.GetRequiredService<DeclarationService>();
        var sample = (await declarations.ListAsync(sponsor)).Single(d => d.IsSample);
        var article = (await declarations.GetAsync(sponsor, sample.Id)).Articles[0];
        var proposals = app.Services.GetRequiredService<ProposalService>();
        var proposalId = await proposals.CreateAsync(sponsor, article.Id, "Co-editing under load");
        foreach (var account in EditorAccounts.Skip(1))
        {
            var userId = (await PrincipalAsync(app.Services, account)).FindFirst(ClaimTypes.NameIdentifier)!.Value;
            await proposals.InviteSponsorAsync(sponsor, proposalId, userId);
        }
        return (await proposals.GetAsync(sponsor, proposalId)).DocumentId;
    }

    internal static async Task<ClaimsPrincipal> PrincipalAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var factory = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        return await factory.CreateAsync(await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}"));
    }

    /// <summary>Signs in through the real sign-in form, antiforgery token and all.</summary>
    internal static async Task<CookieContainer> SignInAsync(Uri node, string email)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = node };
        var form = await client.GetStringAsync("/account/login");
        var token = AntiforgeryToken().Match(form).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "login",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"{email} could not sign in.");
        return cookies;
    }

    private static async Task<long> LastRevisionAsync(string connectionString, Guid documentId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """SELECT COALESCE(MAX("Revision"), 0) FROM "DocumentOperations" WHERE "DocumentId" = @d""", connection);
        command.Parameters.AddWithValue("d", documentId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The text rebuilt from snapshot 0 and the whole log, how many submissions it holds twice, and its length.</summary>
    private static async Task<(string Text, long Duplicates, long Revisions)> ReadLogAsync(string connectionString, Guid documentId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var snapshot = new NpgsqlCommand(
            """SELECT "Text" FROM "DocumentSnapshots" WHERE "DocumentId" = @d AND "Revision" = 0""", connection);
        snapshot.Parameters.AddWithValue("d", documentId);
        var text = new TextBuffer((string)(await snapshot.ExecuteScalarAsync())!);
        await using var read = new NpgsqlCommand(
            """SELECT "Revision", "ClientId", "Sequence", "Operation"::text FROM "DocumentOperations" WHERE "DocumentId" = @d ORDER BY "Revision" """,
            connection);
        read.Parameters.AddWithValue("d", documentId);
        var seen = new HashSet<(string, long)>();
        long duplicates = 0, revisions = 0;
        await using var reader = await read.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (reader.GetInt64(0) != ++revisions) throw new InvalidOperationException($"The log skips from {revisions - 1} to {reader.GetInt64(0)}.");
            if (!seen.Add((reader.GetString(1), reader.GetInt64(2)))) duplicates++;
            text.Apply(TextOperation.Parse(reader.GetString(3)));
        }
        return (text.ToString(), duplicates, revisions);
    }

    internal static string FindRepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
                if (File.Exists(Path.Combine(directory.FullName, "DraftingRoom.sln"))) return directory.FullName;
        throw new InvalidOperationException("The repository root (with DraftingRoom.sln) was not found.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private sealed record Options(int Editors, int Watchers, int Seconds, int Warmup, int Nodes, bool Redis, int Seed)
    {
        public static Options? Parse(string[] args)
        {
            // --redis -1: decided by the number of nodes.
            var values = new Dictionary<string, int> { ["--editors"] = 10, ["--watchers"] = 10, ["--seconds"] = 30, ["--warmup"] = 5, ["--nodes"] = 1, ["--redis"] = -1, ["--seed"] = 1 };
            for (var i = 0; i < args.Length; i += 2)
            {
                if (!values.ContainsKey(args[i]) || i + 1 >= args.Length ||
                    !int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 0)
                    return null;
                values[args[i]] = value;
            }
            if (values["--editors"] < 1 || values["--seconds"] < 1 || values["--nodes"] < 1 || values["--redis"] > 1) return null;
            var redis = values["--redis"] == -1 ? values["--nodes"] > 1 : values["--redis"] == 1;
            return new Options(values["--editors"], values["--watchers"], values["--seconds"], values["--warmup"], values["--nodes"], redis, values["--seed"]);
        }
    }
}
