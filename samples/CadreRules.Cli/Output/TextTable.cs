using System.Globalization;
using System.Text;

namespace CadreRules.Cli.Output;

/// <summary>
/// A plain-text table with aligned columns. Widths count terminal cells, not characters: a Chinese
/// name takes two cells per character, so padding by <see cref="string.Length"/> would misalign
/// every column after it.
/// </summary>
internal sealed class TextTable
{
    private const string Gap = "  ";
    private readonly string[] _headers;
    private readonly bool[] _rightAligned;
    private readonly List<string[]> _rows = [];

    public TextTable(params string[] headers)
    {
        _headers = headers;
        _rightAligned = new bool[headers.Length];
    }

    public int RowCount => _rows.Count;

    public TextTable AlignRight(int column)
    {
        _rightAligned[column] = true;
        return this;
    }

    public void AddRow(params string?[] cells)
    {
        if (cells.Length != _headers.Length)
        {
            throw new ArgumentException($"A row has {_headers.Length} cells; got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells.Select(c => c ?? string.Empty).ToArray());
    }

    public void WriteTo(TextWriter writer, string indent, bool withHeader = true)
    {
        var widths = new int[_headers.Length];
        foreach (var row in withHeader ? _rows.Prepend(_headers) : _rows)
        {
            for (int i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], DisplayWidth(row[i]));
            }
        }

        if (withHeader)
        {
            WriteRow(writer, indent, _headers, widths);
            WriteRow(writer, indent, widths.Select(w => new string('-', w)).ToArray(), widths);
        }

        foreach (var row in _rows)
        {
            WriteRow(writer, indent, row, widths);
        }
    }

    private void WriteRow(TextWriter writer, string indent, string[] row, int[] widths)
    {
        var line = new StringBuilder(indent);
        for (int i = 0; i < row.Length; i++)
        {
            if (widths[i] == 0)
            {
                continue;
            }

            int pad = widths[i] - DisplayWidth(row[i]);
            if (_rightAligned[i])
            {
                line.Append(' ', pad).Append(row[i]);
            }
            else
            {
                line.Append(row[i]).Append(' ', pad);
            }

            line.Append(Gap);
        }

        writer.WriteLine(line.ToString().TrimEnd());
    }

    /// <summary>Returns the number of terminal cells a text takes: two for East Asian wide and full-width characters, one otherwise.</summary>
    public static int DisplayWidth(string text)
    {
        int width = 0;
        var runes = text.EnumerateRunes();
        foreach (var rune in runes)
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
            {
                continue;
            }

            width += IsWide(rune.Value) ? 2 : 1;
        }

        return width;
    }

    // The wide ranges of Unicode's East Asian Width property (W and F) that occur in names and terms.
    private static bool IsWide(int c) =>
        c is >= 0x1100 and <= 0x115F
        or >= 0x2E80 and <= 0x303E
        or >= 0x3041 and <= 0x33FF
        or >= 0x3400 and <= 0x4DBF
        or >= 0x4E00 and <= 0x9FFF
        or >= 0xA000 and <= 0xA4CF
        or >= 0xAC00 and <= 0xD7A3
        or >= 0xF900 and <= 0xFAFF
        or >= 0xFE30 and <= 0xFE4F
        or >= 0xFF00 and <= 0xFF60
        or >= 0xFFE0 and <= 0xFFE6
        or >= 0x20000 and <= 0x3FFFD;
}
