using System.Collections;
using System.Runtime.CompilerServices;

namespace CadreRules;

/// <summary>
/// A roster section read plainly by the parallel reader, kept as unmanaged rows in segments (one per
/// chunk, never copied) and made into objects when read; or, once any object is added, the objects
/// themselves. See <see cref="EvidenceStore"/> for why.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <typeparam name="TRow">The row type: no references, so the collector never looks into the segments.</typeparam>
internal abstract class RowStore<T, TRow> : IReadOnlyList<T>, ISliceSource<T>
    where TRow : unmanaged
{
    // Object mode: the items as built. Null in compact mode.
    private List<T>? _objects;

    // Compact mode: the segments in order, and where each starts in the store.
    private readonly List<TRow[]> _segments = [];
    private readonly List<int> _segmentStarts = [];
    private TRow[]? _open;
    private int _openCount;
    private int _count;
    private int _reserved;

    /// <summary>Creates an empty store.</summary>
    /// <param name="cadres">The roster's cadres, which rows name by index; filled as the roster is read.</param>
    protected RowStore(IReadOnlyList<Cadre> cadres)
    {
        Cadres = cadres;
    }

    /// <summary>Gets the number of items.</summary>
    public int Count => _objects?.Count ?? _count;

    /// <summary>Gets whether the items are kept as rows.</summary>
    public bool IsCompact => _objects is null;

    /// <summary>Gets the roster's cadres, which rows name by index.</summary>
    protected IReadOnlyList<Cadre> Cadres { get; }

    /// <summary>Gets an item; in compact mode a new object each time.</summary>
    /// <param name="index">The item's position.</param>
    public T this[int index] => _objects is not null ? _objects[index] : Create(in RowAt(index));

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
        TRow[] rows = _segments[segment];
        int at = start - _segmentStarts[segment];
        for (int i = 0; i < count; i++)
        {
            if (at == rows.Length)
            {
                rows = _segments[++segment];
                at = 0;
            }

            slice[i] = Create(in rows[at++]);
        }

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

        TRow[] open = _open;
        if (_openCount < open.Length)
        {
            Array.Resize(ref open, _openCount);
        }

        if (open.Length > 0)
        {
            _segmentStarts.Add(_count - _openCount);
            _segments.Add(open);
        }

        _open = null;
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

        if (_open is null || _openCount == _open.Length)
        {
            Seal();
            _open = GC.AllocateUninitializedArray<TRow>(Math.Max(_reserved, 64));
            _reserved = 0;
        }

        _open[_openCount++] = row;
        _count++;
    }

    /// <summary>Gets the object at <paramref name="index"/> in object mode, or <see langword="null"/> in compact mode.</summary>
    protected T? ObjectAt(int index) => _objects is not null ? _objects[index] : default;

    /// <summary>Gets a row in compact mode.</summary>
    protected ref readonly TRow RowAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
        int segment = SegmentOf(index);
        return ref _segments[segment][index - _segmentStarts[segment]];
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
