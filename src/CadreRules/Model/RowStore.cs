using System.Collections;
using System.Runtime.CompilerServices;

namespace CadreRules;

/// <summary>
/// A roster section read plainly by the parallel reader, kept as unmanaged rows in segments (one per
/// chunk, never copied) and made into objects when read; or, once any object is added, the objects
/// themselves. See <see cref="EvidenceStore"/> for why.
/// </summary>
/// <remarks>
/// The segments are native memory of a <see cref="RowArena"/> (see there for why not arrays). A store
/// references the arenas of all the segments it holds, and reads copy a row out before the store may
/// become unreachable, so no read outlives the memory.
/// </remarks>
/// <typeparam name="T">The item type.</typeparam>
/// <typeparam name="TRow">The row type: no references, so the collector never looks into the segments.</typeparam>
internal abstract unsafe class RowStore<T, TRow> : IReadOnlyList<T>, ISliceSource<T>
    where TRow : unmanaged
{
    // Object mode: the items as built. Null in compact mode.
    private List<T>? _objects;

    // Compact mode: the segments in order (native memory of an arena), and where each starts in the store.
    private readonly List<Segment> _segments = [];
    private readonly List<int> _segmentStarts = [];
    private readonly RowArena _arena;

    // The arenas of segments taken over from stores with arenas of their own: referenced so that
    // their memory lives as long as this store.
    private List<RowArena>? _otherArenas;
    private TRow* _open;
    private int _openLength;
    private int _openCount;
    private int _count;
    private int _reserved;

    /// <summary>Creates an empty store.</summary>
    /// <param name="cadres">The roster's cadres, which rows name by index; filled as the roster is read.</param>
    /// <param name="arena">Where the rows go; a new arena when <see langword="null"/>.</param>
    protected RowStore(IReadOnlyList<Cadre> cadres, RowArena? arena)
    {
        Cadres = cadres;
        _arena = arena ?? new RowArena();
    }

    /// <summary>Gets the number of items.</summary>
    public int Count => _objects?.Count ?? _count;

    /// <summary>Gets whether the items are kept as rows.</summary>
    public bool IsCompact => _objects is null;

    /// <summary>Gets the roster's cadres, which rows name by index.</summary>
    protected IReadOnlyList<Cadre> Cadres { get; }

    /// <summary>Gets an item; in compact mode a new object each time.</summary>
    /// <param name="index">The item's position.</param>
    public T this[int index]
    {
        get
        {
            if (_objects is not null)
            {
                return _objects[index];
            }

            TRow row = RowAt(index);
            return Create(in row);
        }
    }

    /// <summary>Gets the list to hand out from the roster: the objects themselves in object mode.</summary>
    public IReadOnlyList<T> AsReadOnlyList() => _objects ?? (IReadOnlyList<T>)this;

    /// <summary>Says how many items are about to be added (a chunk knows how many elements it holds).</summary>
    public void Reserve(int count)
    {
        _reserved = count;
        _objects?.EnsureCapacity(count);
    }

    /// <summary>Adds an item built as an object; from then on the store keeps objects.</summary>
    public void Add(T item)
    {
        ToObjects().Add(item);
    }

    /// <summary>Appends another store's items; its segments are taken over, not copied.</summary>
    public void AddRange(RowStore<T, TRow> other)
    {
        if (_objects is null && other._objects is null)
        {
            Seal();
            other.Seal();
            for (int i = 0; i < other._segments.Count; i++)
            {
                _segmentStarts.Add(_count + other._segmentStarts[i]);
                _segments.Add(other._segments[i]);
            }

            KeepAlive(other._arena);
            if (other._otherArenas is not null)
            {
                foreach (RowArena arena in other._otherArenas)
                {
                    KeepAlive(arena);
                }
            }

            _count += other._count;
            return;
        }

        List<T> objects = ToObjects();
        objects.EnsureCapacity(objects.Count + other.Count);
        for (int i = 0; i < other.Count; i++)
        {
            objects.Add(other[i]);
        }
    }

    /// <summary>Makes the objects of <paramref name="count"/> items from <paramref name="start"/> on (one cadre's, in the evaluator).</summary>
    public T[] Slice(int start, int count)
    {
        var slice = new T[count];
        if (_objects is not null)
        {
            _objects.CopyTo(start, slice, 0, count);
            return slice;
        }

        if (count == 0)
        {
            return slice;
        }

        int segment = SegmentOf(start);
        Segment rows = _segments[segment];
        int at = start - _segmentStarts[segment];
        for (int i = 0; i < count; i++)
        {
            if (at == rows.Length)
            {
                rows = _segments[++segment];
                at = 0;
            }

            TRow row = rows.Address[at++];
            slice[i] = Create(in row);
        }

        GC.KeepAlive(this);
        return slice;
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Closes the segment being filled; the reader calls it before handing the store out, which is then read only.</summary>
    public void Seal()
    {
        if (_open is null)
        {
            return;
        }

        if (_openCount < _openLength)
        {
            _arena.Shrink((nint)_open, Bytes(_openLength), Bytes(_openCount));
        }

        if (_openCount > 0)
        {
            _segmentStarts.Add(_count - _openCount);
            _segments.Add(new Segment(_open, _openCount));
        }

        _open = null;
        _openLength = 0;
        _openCount = 0;
    }

    /// <summary>Makes the object a row stands for.</summary>
    protected abstract T Create(in TRow row);

    /// <summary>Adds a row; in object mode it is made into an object at once.</summary>
    protected void AddRow(in TRow row)
    {
        if (_objects is not null)
        {
            _objects.Add(Create(in row));
            return;
        }

        if (_open is null || _openCount == _openLength)
        {
            Seal();
            int length = Math.Max(_reserved, 64);
            _open = (TRow*)_arena.Allocate(Bytes(length));
            _openLength = length;
            _reserved = 0;
        }

        _open[_openCount++] = row;
        _count++;
    }

    /// <summary>Gets the object at <paramref name="index"/> in object mode, or <see langword="null"/> in compact mode.</summary>
    protected T? ObjectAt(int index) => _objects is not null ? _objects[index] : default;

    /// <summary>Gets a copy of a row in compact mode.</summary>
    protected TRow RowAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        int segment = SegmentOf(index);
        TRow row = _segments[segment].Address[index - _segmentStarts[segment]];
        GC.KeepAlive(this);
        return row;
    }

    private static nuint Bytes(int rows) => (nuint)rows * (nuint)sizeof(TRow);

    private void KeepAlive(RowArena arena)
    {
        if (arena != _arena && !(_otherArenas?.Contains(arena) ?? false))
        {
            (_otherArenas ??= []).Add(arena);
        }
    }

    private List<T> ToObjects()
    {
        if (_objects is null)
        {
            Seal();
            var objects = new List<T>(Math.Max(_count, _reserved));
            objects.AddRange(this);
            _objects = objects;
            _segments.Clear();
            _segmentStarts.Clear();
            _count = 0;
        }

        return _objects;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SegmentOf(int index)
    {
        Seal();
        int found = _segmentStarts.BinarySearch(index);
        return found >= 0 ? found : ~found - 1;
    }

    /// <summary>A run of rows in an arena.</summary>
    private readonly struct Segment(TRow* address, int length)
    {
        public readonly TRow* Address = address;
        public readonly int Length = length;
    }
}

/// <summary>A list whose items are made on demand, a run of them at a time.</summary>
/// <typeparam name="T">The item type.</typeparam>
internal interface ISliceSource<T>
{
    /// <summary>Makes the items of a run.</summary>
    /// <param name="start">The run's first position.</param>
    /// <param name="count">The run's length.</param>
    /// <returns>A new array holding the run's items.</returns>
    T[] Slice(int start, int count);
}
