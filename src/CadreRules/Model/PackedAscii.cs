using System.Numerics;

namespace CadreRules;

/// <summary>
/// Short ASCII strings (ids such as <c>C-0000001</c> or <c>E-00000001</c>) packed into two integers:
/// 1 to 16 characters other than NUL, one per byte from the most significant byte on, zero bytes after
/// the end. Comparing the pairs as unsigned numbers orders the strings as
/// <see cref="string.CompareOrdinal(string, string)"/> does, and equal pairs are equal strings; (0, 0)
/// means "not packed".
/// </summary>
internal static class PackedAscii
{
    /// <summary>The most characters a packed string has.</summary>
    public const int MaxLength = 16;

    /// <summary>Packs <paramref name="text"/>, or gives (0, 0) when it is empty, longer than 16 or not ASCII without NUL.</summary>
    public static (ulong High, ulong Low) Pack(string text) => Pack(text.AsSpan());

    /// <summary>
    /// Packs an id given as raw, unescaped UTF-8 bytes: 1 to 16 ASCII bytes other than NUL, not all of
    /// them white space (an id must not be blank). Returns false for anything else, which is then read
    /// as a string.
    /// </summary>
    public static bool TryPackId(ReadOnlySpan<byte> utf8, out ulong high, out ulong low)
    {
        // ASCII white space (char.IsWhiteSpace: tab to carriage return, 0x1C-0x1F, space) is all ≤ 0x20;
        // an id with no byte above 0x20 is left to the string path, which decides whether it is blank
        // (raw JSON strings hold no control characters, so that is only ever a blank id).
        (high, low) = utf8.IndexOfAnyExceptInRange((byte)0, (byte)0x20) >= 0 ? Pack(utf8) : (0, 0);
        return (high | low) != 0;
    }

    /// <summary>Packs UTF-16 chars or UTF-8 bytes alike (both are the code point for ASCII).</summary>
    private static (ulong High, ulong Low) Pack<T>(ReadOnlySpan<T> text)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (text.Length is 0 or > MaxLength)
        {
            return (0, 0);
        }

        ulong high = 0, low = 0;
        for (int i = 0; i < MaxLength; i++)
        {
            ulong ch = 0;
            if (i < text.Length)
            {
                ch = ulong.CreateTruncating(text[i]);
                if (ch is 0 or > 0x7F)
                {
                    return (0, 0);
                }
            }

            if (i < 8)
            {
                high = (high << 8) | ch;
            }
            else
            {
                low = (low << 8) | ch;
            }
        }

        return (high, low);
    }

    /// <summary>The string a pair packs.</summary>
    public static string Unpack(ulong high, ulong low)
    {
        Span<char> chars = stackalloc char[MaxLength];
        int length = 0;
        for (int i = 0; i < MaxLength; i++)
        {
            ulong word = i < 8 ? high : low;
            char ch = (char)((word >> (8 * (7 - (i % 8)))) & 0xFF);
            if (ch == 0)
            {
                break;
            }

            chars[length++] = ch;
        }

        return new string(chars[..length]);
    }

    /// <summary>Compares two packed strings as <see cref="string.CompareOrdinal(string, string)"/> compares them.</summary>
    public static int Compare(ulong highA, ulong lowA, ulong highB, ulong lowB) =>
        highA != highB ? highA.CompareTo(highB) : lowA.CompareTo(lowB);
}
