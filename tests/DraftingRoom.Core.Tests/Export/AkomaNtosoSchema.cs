using System.Xml;
using System.Xml.Schema;

namespace DraftingRoom.Core.Tests.Export;

/// <summary>
/// The Akoma Ntoso 3.0 schema from shared/data/akoma-ntoso (in the folder named by DRAFTINGROOM_SHARED_DATA, or
/// beside a folder above the test binaries), loaded without network access: the schema's import of xml.xsd is
/// resolved to the copy beside it. Tests that need it are skipped, saying why, when it is absent.
/// </summary>
internal static class AkomaNtosoSchema
{
    private static readonly Lazy<XmlSchemaSet?> Set = new(Load);

    public static string? Directory { get; } = Locate();

    /// <summary>Validates XML text, returning every error and warning.</summary>
    public static List<string> Validate(string xml)
    {
        var schemas = Set.Value;
        if (schemas is null)
        {
            Assert.Skip(
                "The Akoma Ntoso schema was not found: set DRAFTINGROOM_SHARED_DATA to the shared/data folder, or put "
                + "shared/data/akoma-ntoso/akomantoso30.xsd beside a folder above the test binaries.");
        }

        var problems = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = schemas,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints,
            XmlResolver = null,
            DtdProcessing = DtdProcessing.Prohibit,
        };
        settings.ValidationEventHandler += (_, e) =>
            problems.Add($"{e.Severity} at {e.Exception?.LineNumber}:{e.Exception?.LinePosition}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return problems;
    }

    private static XmlSchemaSet? Load()
    {
        if (Directory is null)
        {
            return null;
        }

        var set = new XmlSchemaSet { XmlResolver = new LocalResolver(Directory) };
        using (var reader = XmlReader.Create(Path.Combine(Directory, "akomantoso30.xsd"), new XmlReaderSettings { XmlResolver = null }))
        {
            set.Add(null, reader);
        }

        set.Compile();
        return set;
    }

    private static string? Locate()
    {
        var configured = Environment.GetEnvironmentVariable("DRAFTINGROOM_SHARED_DATA");
        if (!string.IsNullOrEmpty(configured))
        {
            var folder = Path.Combine(configured, "akoma-ntoso");
            return File.Exists(Path.Combine(folder, "akomantoso30.xsd")) ? folder : null;
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "data", "akoma-ntoso");
            if (File.Exists(Path.Combine(candidate, "akomantoso30.xsd")))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Resolves schema locations to files of the schema's folder only; anything else is refused.</summary>
    private sealed class LocalResolver(string directory) : XmlResolver
    {
        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            var path = Path.Combine(directory, Path.GetFileName(absoluteUri.LocalPath));
            if (!absoluteUri.IsFile || !File.Exists(path))
            {
                throw new XmlException($"Schema location {absoluteUri} is not a local file of {directory}.");
            }

            return File.OpenRead(path);
        }
    }
}
