using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace CadreRules.Serialization;

/// <summary>
/// The property names one JSON object may have, as UTF-8 bytes, so that a property name is matched
/// against the raw token bytes without allocating a string. Names are case-sensitive (ROSTER-FORMAT.md:
/// camelCase); at most 64 per object, so a <see cref="ulong"/> can record which were seen.
/// </summary>
internal sealed class FieldSet
{
    private readonly byte[][] _utf8;

    public FieldSet(params (string Name, string Expects)[] fields)
    {
        if (fields.Length > 64)
        {
            throw new ArgumentException("At most 64 properties per object.", nameof(fields));
        }

        Names = new string[fields.Length];
        Expects = new string[fields.Length];
        _utf8 = new byte[fields.Length][];
        for (int i = 0; i < fields.Length; i++)
        {
            Names[i] = fields[i].Name;
            Expects[i] = fields[i].Expects;
            _utf8[i] = Encoding.UTF8.GetBytes(fields[i].Name);
        }

        Expected = string.Join(", ", Names);
    }

    /// <summary>Gets the property names, in the order of their indices.</summary>
    public string[] Names { get; }

    /// <summary>Gets, per property, what its value must be (for error messages).</summary>
    public string[] Expects { get; }

    /// <summary>Gets the names joined for error messages.</summary>
    public string Expected { get; }

    /// <summary>
    /// Returns the index of <paramref name="name"/>, or -1, trying <paramref name="start"/> first and
    /// wrapping around; names are distinct, so the start changes only the cost.
    /// </summary>
    public int Find(ReadOnlySpan<byte> name, int start)
    {
        byte[][] utf8 = _utf8;
        if ((uint)start >= (uint)utf8.Length)
        {
            start = 0;
        }

        for (int i = start; i < utf8.Length; i++)
        {
            if (name.SequenceEqual(utf8[i]))
            {
                return i;
            }
        }

        for (int i = 0; i < start; i++)
        {
            if (name.SequenceEqual(utf8[i]))
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>
/// Case-insensitive parsing of enum names from UTF-8 bytes (ROSTER-FORMAT.md: enum values are the
/// PascalCase names, parsing is case-insensitive). Unlike <see cref="Enum.TryParse{TEnum}(string, bool, out TEnum)"/>
/// it accepts neither numbers (<c>"1"</c>) nor flag lists (<c>"Red, Yellow"</c>).
/// </summary>
internal sealed class EnumTable<T>
    where T : struct, Enum
{
    private readonly byte[][] _utf8;
    private readonly T[] _values;

    private EnumTable()
    {
        _values = Enum.GetValues<T>();
        _utf8 = new byte[_values.Length][];
        var names = new string[_values.Length];
        for (int i = 0; i < _values.Length; i++)
        {
            names[i] = _values[i].ToString();
            _utf8[i] = Encoding.UTF8.GetBytes(names[i]);
        }

        Expected = "one of: " + string.Join(", ", names) + " (case-insensitive)";
    }

    public static EnumTable<T> Instance { get; } = new();

    /// <summary>Gets "one of: …" listing the canonical names, for error messages.</summary>
    public string Expected { get; }

    public bool TryParse(ReadOnlySpan<byte> text, out T value)
    {
        for (int i = 0; i < _utf8.Length; i++)
        {
            if (text.Length == _utf8[i].Length && Ascii.EqualsIgnoreCase(text, _utf8[i]))
            {
                value = _values[i];
                return true;
            }
        }

        value = default;
        return false;
    }
}

/// <summary>The JSON path of the value being read, kept as a stack and turned into text only for errors.</summary>
internal sealed class JsonPathStack
{
    private string?[] _names = new string?[16];
    private int[] _indices = new int[16];
    private int _count;

    public void PushProperty(string name) => Push(name, -1);

    public void PushIndex(int index) => Push(null, index);

    public void Pop() => _count--;

    public override string ToString()
    {
        var text = new StringBuilder("$");
        for (int i = 0; i < _count; i++)
        {
            if (_names[i] is { } name)
            {
                AppendProperty(text, name);
            }
            else
            {
                text.Append('[').Append(_indices[i]).Append(']');
            }
        }

        return text.ToString();
    }

    /// <summary>Returns the current path followed by <c>.name</c>.</summary>
    public string With(string name) => AppendProperty(new StringBuilder(ToString()), name).ToString();

    /// <summary>Appends <c>.name</c>, or <c>['name']</c> when the name is not a plain identifier.</summary>
    public static StringBuilder AppendProperty(StringBuilder text, string name)
    {
        if (IsIdentifier(name))
        {
            return text.Append('.').Append(name);
        }

        text.Append("['");
        foreach (char ch in name)
        {
            if (ch is '\'' or '\\')
            {
                text.Append('\\');
            }

            text.Append(ch);
        }

        return text.Append("']");
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            return false;
        }

        foreach (char ch in name)
        {
            if (!char.IsAsciiLetterOrDigit(ch) && ch != '_')
            {
                return false;
            }
        }

        return true;
    }

    private void Push(string? name, int index)
    {
        if (_count == _names.Length)
        {
            Array.Resize(ref _names, _count * 2);
            Array.Resize(ref _indices, _count * 2);
        }

        _names[_count] = name;
        _indices[_count] = index;
        _count++;
    }
}

/// <summary>
/// The raw UTF-8 bytes of the last reference that resolved to a defined id, and that id's string.
/// Ids are never removed once defined, so a later reference with the same bytes resolves the same.
/// </summary>
internal sealed class LastReference
{
    private byte[] _utf8 = new byte[64];
    private int _length;
    private string? _id;

    public bool TryGet(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out string? id)
    {
        id = _id;
        return id is not null && utf8.SequenceEqual(_utf8.AsSpan(0, _length));
    }

    public void Set(ReadOnlySpan<byte> utf8, string id)
    {
        if (utf8.Length > _utf8.Length)
        {
            _utf8 = new byte[utf8.Length];
        }

        utf8.CopyTo(_utf8);
        _length = utf8.Length;
        _id = id;
    }
}

/// <summary>
/// Shares one string instance per distinct text. Bounded: past <see cref="MaxEntries"/> distinct texts
/// new ones are still returned, just not kept, so unique values cannot grow it without limit.
/// </summary>
internal sealed class StringCache
{
    internal const int MaxEntries = 1 << 16;

    private readonly HashSet<string> _strings = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public StringCache()
    {
        _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Get(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out string? shared))
        {
            return shared;
        }

        var created = new string(text);
        if (_strings.Count < MaxEntries)
        {
            _strings.Add(created);
        }

        return created;
    }
}
