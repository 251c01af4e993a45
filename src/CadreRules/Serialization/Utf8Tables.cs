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

    // Each name as compact JSON writes a member's start: in quotes, then a colon.
    private readonly byte[][] _members;

    public FieldSet(params (string Name, string Expects)[] fields)
    {
        if (fields.Length > 64)
        {
            throw new ArgumentException("At most 64 properties per object.", nameof(fields));
        }

        Names = new string[fields.Length];
        Expects = new string[fields.Length];
        _utf8 = new byte[fields.Length][];
        _members = new byte[fields.Length][];
        for (int i = 0; i < fields.Length; i++)
        {
            Names[i] = fields[i].Name;
            Expects[i] = fields[i].Expects;
            _utf8[i] = Encoding.UTF8.GetBytes(fields[i].Name);
            _members[i] = Encoding.UTF8.GetBytes("\"" + fields[i].Name + "\":");
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
    /// Returns the length of property <paramref name="field"/>'s name in quotes followed by a colon
    /// when <paramref name="json"/> starts with exactly that (as compact JSON writes a member), or 0.
    /// </summary>
    public int MatchMember(ReadOnlySpan<byte> json, int field)
    {
        byte[][] members = _members;
        return (uint)field < (uint)members.Length && json.StartsWith(members[field]) ? members[field].Length : 0;
    }

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
/// The raw UTF-8 bytes of the last reference that resolved to a defined id, that id's string and its
/// index. Ids are never removed once defined, so a later reference with the same bytes resolves the same.
/// </summary>
internal sealed class LastReference
{
    private byte[] _utf8 = new byte[64];
    private int _length;
    private string? _id;
    private int _index;

    /// <summary>Gets the index of the last id, or -1 before the first.</summary>
    public int Index => _id is null ? -1 : _index;

    public bool TryGet(ReadOnlySpan<byte> utf8, [NotNullWhen(true)] out string? id, out int index)
    {
        id = _id;
        index = _index;
        return id is not null && utf8.SequenceEqual(_utf8.AsSpan(0, _length));
    }

    public void Set(ReadOnlySpan<byte> utf8, string id, int index)
    {
        if (utf8.Length > _utf8.Length)
        {
            _utf8 = new byte[utf8.Length];
        }

        utf8.CopyTo(_utf8);
        _length = utf8.Length;
        _id = id;
        _index = index;
    }
}

/// <summary>
/// Which owner (a cadre's or a unit's index) each record of a section belongs to, while owners never
/// decrease, as rosters list records grouped by cadre. <see cref="Starts"/> gives each owner's first
/// record, which the engine's index then takes as it is instead of grouping the records again. A
/// section's runs go straight into an array of owner starts once the owner count is known
/// (<see cref="Begin"/>); a chunk of the parallel reader keeps its few runs in lists until they are
/// appended to its section's.
/// </summary>
internal sealed class OwnerRuns
{
    private readonly List<int> _owners = [];
    private readonly List<int> _firsts = [];
    private int[]? _starts;
    private int _count;
    private int _last = -1; // the owner of the latest run; -1 before the first
    private bool _unordered;

    /// <summary>Starts a section whose records belong to one of <paramref name="owners"/> owners.</summary>
    public void Begin(int owners)
    {
        if (_starts is not null || _count > 0)
        {
            _unordered = true;
            return;
        }

        _starts = new int[owners + 1];
    }

    /// <summary>Notes the next record's owner; a negative owner (not resolved) gives up.</summary>
    public void Add(int owner)
    {
        // Most records have the owner of the record before them.
        if ((owner != _last || owner < 0) && !_unordered)
        {
            Start(owner, _count);
        }

        _count++;
    }

    /// <summary>Appends a chunk's runs, which follow this section's records so far.</summary>
    public void Append(OwnerRuns chunk)
    {
        if (chunk._unordered || chunk._starts is not null)
        {
            _unordered = true;
        }

        for (int r = 0; r < chunk._owners.Count && !_unordered; r++)
        {
            Start(chunk._owners[r], _count + chunk._firsts[r]);
        }

        _count += chunk._count;
    }

    /// <summary>
    /// Each owner's first record, and the record count last (<paramref name="owners"/> + 1 entries), when
    /// every one of <paramref name="records"/> records was noted in owner order; otherwise
    /// <see langword="null"/>.
    /// </summary>
    public int[]? Starts(int owners, int records)
    {
        if (_unordered || _count != records)
        {
            return null;
        }

        if (_starts is null)
        {
            if (_owners.Count > 0)
            {
                return null;
            }

            _starts = new int[owners + 1];
        }
        else if (_starts.Length != owners + 1)
        {
            return null;
        }

        // Owners after the last one with records start (and end) at the end.
        _starts.AsSpan(_last + 1).Fill(records);
        return _starts;
    }

    /// <summary>Owner <paramref name="owner"/>'s records start at <paramref name="first"/>.</summary>
    private void Start(int owner, int first)
    {
        if (owner < 0 || owner < _last || (_starts is not null && owner >= _starts.Length - 1))
        {
            _unordered = true;
            return;
        }

        if (owner == _last)
        {
            // A chunk that goes on with the owner the records before it ended with.
            return;
        }

        if (_starts is not null)
        {
            // Owners after the last one and up to this one start here (those in between have no records);
            // usually that is this owner alone.
            for (int o = _last + 1; o <= owner; o++)
            {
                _starts[o] = first;
            }
        }
        else
        {
            _owners.Add(owner);
            _firsts.Add(first);
        }

        _last = owner;
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
