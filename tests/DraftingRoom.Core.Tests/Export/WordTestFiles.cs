using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;

namespace DraftingRoom.Core.Tests.Export;

/// <summary>Opens the Word documents the exporters write.</summary>
internal static class WordTestFiles
{
    public static WordprocessingDocument Open(Action<Stream> write)
    {
        var stream = new MemoryStream();
        write(stream);
        stream.Position = 0;
        return WordprocessingDocument.Open(stream, isEditable: false);
    }

    public static Body Body(WordprocessingDocument document) => document.MainDocumentPart!.Document!.Body!;

    public static string? StyleOf(Paragraph paragraph) => paragraph.ParagraphProperties?.ParagraphStyleId?.Val?.Value;

    /// <summary>The schema errors the Open XML SDK finds, as text (none for a valid document).</summary>
    public static List<string> Errors(WordprocessingDocument document) =>
        new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(document)
            .Select(e => $"{e.Path?.XPath}: {e.Description}")
            .ToList();

    /// <summary>The visible text of a paragraph (w:t only, breaks as "\n").</summary>
    public static string Text(Paragraph paragraph) =>
        string.Concat(paragraph.Descendants().Select(e => e switch
        {
            Text t => t.Text,
            Break => "\n",
            _ => "",
        }));
}
