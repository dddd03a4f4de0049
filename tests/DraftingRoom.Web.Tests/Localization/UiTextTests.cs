using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using DraftingRoom.Web.Accounts;
using DraftingRoom.Web.Data;
using DraftingRoom.Web.Tests.Infrastructure;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace DraftingRoom.Web.Tests.Localization;

/// <summary>Every text the interface shows comes from the resource file, so that it can be translated.</summary>
public sealed partial class UiTextTests
{
    private static readonly string ResourceFile = Path.Combine(RepositoryPaths.WebProject, "Resources", "UiText.resx");

    private static HashSet<string> ResourceKeys() =>
        XDocument.Load(ResourceFile).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();

    [Fact]
    public void Every_key_the_components_use_is_in_the_resource_file()
    {
        var keys = ResourceKeys();
        var missing = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.WebProject, "Components"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor") || f.EndsWith(".cs"))
            .SelectMany(f => UsedKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Where(u => !keys.Contains(u.Key))
            .Select(u => $"{u.File}: {u.Key}")
            .Distinct()
            .ToList();

        Assert.True(missing.Count == 0, "Missing from UiText.resx:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_value_shown_by_its_enum_name_has_a_text()
    {
        var keys = ResourceKeys();
        var expected = Enum.GetNames<StakeholderKind>().Select(n => $"Kind_{n}")
            .Concat(Enum.GetNames<RegionalGroup>().Select(n => $"Group_{n}"))
            .Concat(Enum.GetNames<ProposalStatus>().Select(n => $"ProposalStatus_{n}"))
            .Concat(Roles.All.Select(r => $"Role_{r}"));

        var missing = expected.Where(k => !keys.Contains(k)).ToList();
        Assert.True(missing.Count == 0, "Missing from UiText.resx: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_localizer_reads_the_english_texts()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        using var provider = services.BuildServiceProvider();
        var localizer = provider.GetRequiredService<IStringLocalizer<UiText>>();
        CultureInfo.CurrentUICulture = new CultureInfo("en");

        var text = localizer["Login_Submit"];

        Assert.False(text.ResourceNotFound);
        Assert.Equal("Sign in", text.Value);
    }

    [GeneratedRegex("""\bL\["([A-Za-z]+_[A-Za-z]+)"\]""")]
    private static partial Regex UsedKey();
}
