using System.Text;
using DraftingRoom.Core.Drafting;

namespace DraftingRoom.Core.Import;

/// <summary>Imports a draft declaration from an uploaded file, choosing the reader by the file's extension.</summary>
public static class DraftImporter
{
    /// <summary>The extensions <see cref="Parse"/> accepts, lower case with the leading dot.</summary>
    public static IReadOnlyList<string> SupportedExtensions { get; } = [".md", ".markdown", ".txt", ".docx"];

    private const string SupportedFormats = "Markdown (.md, .markdown), plain text (.txt) or Word (.docx)";

    /// <summary>Parses a draft declaration from an uploaded file.</summary>
    /// <param name="fileName">The file's name as uploaded; only its extension is used.</param>
    /// <param name="content">The file's content.</param>
    /// <param name="options">The import limits.</param>
    /// <returns>The document's title and provisions.</returns>
    /// <exception cref="DraftImportException">
    /// The format is not supported, a text file is not UTF-8 text, or the document is not a draft declaration the
    /// rules of <see cref="MarkdownDraftParser"/> can read.
    /// </exception>
    /// <remarks>
    /// Text files must be UTF-8, with or without a byte order mark; files with a UTF-16 byte order mark (what
    /// older versions of Notepad call "Unicode") are read too. Other encodings are refused rather than guessed,
    /// so that accents and non-Latin scripts are never silently garbled.
    /// </remarks>
    public static DraftDocument Parse(string fileName, Stream content, DraftImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(options);

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return extension switch
        {
            ".docx" => DocxDraftParser.Parse(content, options),
            ".md" or ".markdown" or ".txt" => MarkdownDraftParser.Parse(DecodeText(content), options),
            ".doc" => throw new DraftImportException(
                $"Word 97-2003 documents (.doc) cannot be imported. Save the file as .docx in Word, or use {SupportedFormats}."),
            "" => throw new DraftImportException($"The file \"{fileName}\" has no extension. Upload a {SupportedFormats} file."),
            _ => throw new DraftImportException($"Files of type \"{extension}\" cannot be imported. Upload a {SupportedFormats} file."),
        };
    }

    /// <summary>Decodes a text file, refusing binary content and anything that is not valid UTF-8 (or UTF-16 with a BOM).</summary>
    internal static string DecodeText(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Decode(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..]);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Decode(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..]);
        }

        var bom = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new DraftImportException(
                "The file contains binary data, not text. Import a Markdown, text or Word (.docx) file.",
                LineAt(bytes, nul));
        }

        return Decode(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true), bytes[bom..]);
    }

    private static string Decode(Encoding encoding, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            var name = encoding is UnicodeEncoding ? "UTF-16" : "UTF-8";
            // Lines are counted in UTF-8 bytes; in UTF-16 a newline byte may be half of another character.
            int? line = ex.Index >= 0 && encoding is UTF8Encoding ? LineAt(bytes, ex.Index) : null;
            throw new DraftImportException(
                $"The file is not valid {name} text. Save it with the UTF-8 encoding (in most editors: \"Save as\", then choose UTF-8) and import it again.",
                line);
        }
    }

    private static int LineAt(ReadOnlySpan<byte> bytes, int index)
    {
        var line = 1;
        for (var i = 0; i < index && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n' || (bytes[i] == (byte)'\r' && (i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n')))
            {
                line++;
            }
        }

        return line;
    }
}
