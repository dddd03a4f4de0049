using System.Diagnostics;
using System.Globalization;
using DraftingRoom.Core.Drafting;
using DraftingRoom.Core.Versions;
using DraftingRoom.Web.Declarations;
using DraftingRoom.Web.Hosting;
using DraftingRoom.Web.Versions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace DraftingRoom.Benchmarks;

/// <summary>
/// How long the server takes to answer a request for the comparison page of two declarations of 20 articles and
/// 10,000 words each: loading both versions, comparing them and rendering the page (the first batch of articles; the
/// rest follow over the live connection). The app runs in this process on loopback, on its own PostgreSQL.
/// </summary>
internal static class CompareRenderBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 30;
        var root = CoEditing.CoEditingBenchmark.FindRepositoryRoot();
        await using var cluster = await EmbeddedPostgres.StartAsync(
            Path.Combine(Path.GetTempPath(), $"draftingroom-render-{Environment.ProcessId}-{Guid.NewGuid():N}"), deleteOnDispose: true);
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:DraftingRoom"] = cluster.ConnectionString(),
            ["Seed:DemoAccounts"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        await using var app = await DraftingRoomApp.BuildAsync(
            new WebApplicationOptions
            {
                ApplicationName = "DraftingRoom.Web", ContentRootPath = Path.Combine(root, "src", "DraftingRoom.Web"),
                EnvironmentName = "Production",
            },
            builder => builder.Configuration.AddInMemoryCollection(settings));
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        var node = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        var expert = await CoEditing.CoEditingBenchmark.PrincipalAsync(app.Services, "expert@draftingroom.example");
        var declarations = app.Services.GetRequiredService<DeclarationService>();
        var versions = app.Services.GetRequiredService<VersionService>();
        var older = ComparisonBenchmark.Declaration(seed: 1, "Draft declaration (2017)");
        var declarationId = await declarations.CreateAsync(expert, new NewDeclaration(older.Title, null, null));
        var ids = new List<Guid>();
        foreach (var provision in older.Ordered)
            ids.Add(await declarations.AddProvisionAsync(expert, declarationId,
                new NewProvision(provision.Kind, provision.Number, provision.Title, provision.Text)));
        var v1 = await versions.PublishAsync(expert, declarationId, new NewVersion(older.Label, null, null, null));

        var newer = ComparisonBenchmark.FewWordsChanged(older);
        foreach (var (provision, id) in newer.Ordered.Zip(ids))
            await declarations.EditProvisionAsync(expert, id, new ProvisionEdit(provision.Title, provision.Text, "Revision"));
        var v2 = await versions.PublishAsync(expert, declarationId, new NewVersion("Revised draft", null, null, null));

        var other = ComparisonBenchmark.Declaration(seed: 2, "Other draft");
        var imported = await versions.ImportAsync(expert, declarationId,
            new DraftDocument(other.Title, other.Ordered.Select(p => new DraftProvision(p.Kind, p.Number, p.Title, p.Text, 0)).ToList()),
            new NewVersion("Another draft", null, null, null));

        using var client = new HttpClient(new HttpClientHandler
        {
            CookieContainer = await CoEditing.CoEditingBenchmark.SignInAsync(node, "observer@draftingroom.example"),
            AllowAutoRedirect = false,
        }) { BaseAddress = node };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"compare-page: {runs} requests per case after 5 warm-ups, {older.Articles.Count()} articles and about 10,000 words per version; {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
        foreach (var (name, from, to) in new[]
                 {
                     ("a few words changed", v1.ToString(), v2.ToString()),
                     ("completely different", v1.ToString(), imported.ToString()),
                     ("version and current text, all shown", v1.ToString(), "current&all=true"),
                 })
        {
            var path = $"/declarations/{declarationId}/compare?from={from}&to={to}";
            var times = new List<double>();
            long bytes = 0;
            for (var i = 0; i < runs + 5; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await client.GetAsync(path);
                var body = await response.Content.ReadAsByteArrayAsync();
                watch.Stop();
                if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}");
                bytes = body.Length;
                if (i >= 5) times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-38} median {Percentiles.Of(times, 50),7:F1} ms  p95 {Percentiles.Of(times, 95),7:F1} ms  max {times[^1],7:F1} ms  page {bytes / 1024.0,6:F0} KB"));
        }
        await app.StopAsync();
        return 0;
    }
}
