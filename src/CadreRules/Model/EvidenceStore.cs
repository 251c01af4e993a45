using System.Collections;
using System.Runtime.CompilerServices;

namespace CadreRules;

/// <summary>
/// The evidence of a roster read by <see cref="Serialization.RosterReader"/>: either the objects a
/// sequential read built, or, when the parallel reader read every record plainly, compact rows of
/// 32 bytes from which an <see cref="Evidence"/> object is made each time an element is read.
/// </summary>
/// <remarks>
/// <para>
/// A million-cadre roster has six million evidence records. As objects that stay alive from the read
/// to the end of the evaluation they were 400 MB of the heap, and the largest part of the reader's
/// cost: every one of them was allocated into fresh memory (a page fault per 4 KB on the VM we
/// measure on), promoted through the generations and marked by every full collection during the
/// read. Rows hold no references, so the collector never looks into them; the evaluator makes the
/// objects of one cadre when it builds that cadre's record, and they die young with the session
/// (benchmarks/README.md, step 37).
/// </para>
/// <para>
/// Rows come in segments, one per chunk the parallel reader parsed, and are never copied. A row keeps
/// the owning cadre as an index into the roster's cadre list, the id packed (<see cref="PackedAscii"/>),
/// the date as a day number and the kind, channel and kind-specific values as bytes.
/// </para>
/// </remarks>
internal sealed class EvidenceStore : IReadOnlyList<Evidence>, ISliceSource<Evidence>
{
    private readonly IReadOnlyList<Cadre> _cadres;

    // Object mode: the evidence as built. Null in compact mode.
    private List<Evidence>? _objects;

    // Compact mode: the segments in order, and where each starts in the store.
    private readonly List<Row[]> _segments = [];
    private readonly List<int> _segmentStarts = [];
    private Row[]? _open;
    private int _openCount;
    private int _count;
    private int _reserved;

    /// <summary>Creates an empty store.</summary>
    /// <param name="cadres">The roster's cadres, which rows name by index; filled as the roster is read.</param>
    public EvidenceStore(IReadOnlyList<Cadre> cadres)
    {
        _cadres = cadres;
    }

    /// <summary>Gets the number of records.</summary>
    public int Count => _objects?.Count ?? _count;

    /// <summary>Gets whether the records are kept as rows (no object added, or every one converted back).</summary>
    public bool IsCompact => _objects is null;

    /// <summary>Gets a record; in compact mode a new object each time.</summary>
    /// <param name="index">The record's position.</param>
    public Evidence this[int index]
    {
        get
        {
            if (_objects is not null)
            {
                return _objects[index];
            }

            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            int segment = SegmentOf(index);
            return Create(in _segments[segment][index - _segmentStarts[segment]]);
        }
    }

    /// <summary>Gets the list to hand out as <see cref="Roster.Evidence"/>: the objects themselves in object mode.</summary>
    public IReadOnlyList<Evidence> AsReadOnlyList() => _objects ?? (IReadOnlyList<Evidence>)this;

    /// <summary>Says how many records are about to be added (a chunk knows how many elements it holds).</summary>
    public void Reserve(int count)
    {
        _reserved = count;
        _objects?.EnsureCapacity(count);
    }

    /// <summary>Adds a record built as an object; from then on the store keeps objects.</summary>
    public void Add(Evidence evidence)
    {
        ToObjects().Add(evidence);
    }

    /// <summary>Adds a record as a row; in object mode it is made into an object at once.</summary>
    public void AddRow(int owner, ulong high, ulong low, DateOnly date, EvidenceKind kind, EvidenceChannel channel, int first, int second, int third)
    {
        var row = new Row(high, low, owner, date.DayNumber, (byte)kind, (byte)channel, (byte)first, (byte)second, (byte)third);
        if (_objects is not null)
        {
            _objects.Add(Create(in row));
            return;
        }

        if (_open is null || _openCount == _open.Length)
        {
            Seal();
            _open = GC.AllocateUninitializedArray<Row>(Math.Max(_reserved, 64));
            _reserved = 0;
        }

        _open[_openCount++] = row;
        _count++;
    }

    /// <summary>Appends another store's records; its segments are taken over, not copied.</summary>
    public void AddRange(EvidenceStore other)
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

        List<Evidence> objects = ToObjects();
        objects.EnsureCapacity(objects.Count + other.Count);
        for (int i = 0; i < other.Count; i++)
        {
            objects.Add(other[i]);
        }
    }

    /// <summary>Gets a record's id without making the object.</summary>
    public string IdAt(int index)
    {
        if (_objects is not null)
        {
            return _objects[index].Id;
        }

        ref readonly Row row = ref RowAt(index);
        return PackedAscii.Unpack(row.High, row.Low);
    }

    /// <summary>Gets a record's date without making the object.</summary>
    public DateOnly DateAt(int index) => _objects is not null ? _objects[index].Date : DateOnly.FromDayNumber(RowAt(index).Day);

    /// <summary>Makes the objects of <paramref name="count"/> records from <paramref name="start"/> on (one cadre's, in the evaluator).</summary>
    public Evidence[] Slice(int start, int count)
    {
        var slice = new Evidence[count];
        if (_objects is not null)
        {
            _objects.CopyTo(start, slice, 0, count);
            return slice;
        }

        int segment = SegmentOf(start);
        Row[] rows = _segments[segment];
        int at = start - _segmentStarts[segment];
        int segmentEnd = SegmentEnd(segment);
        for (int i = 0; i < count; i++)
        {
            if (at == segmentEnd)
            {
                segment++;
                rows = _segments[segment];
                at = 0;
                segmentEnd = SegmentEnd(segment);
            }

            slice[i] = Create(in rows[at++]);
        }

        return slice;
    }

    /// <inheritdoc />
    public IEnumerator<Evidence> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private List<Evidence> ToObjects()
    {
        if (_objects is null)
        {
            Seal();
            var objects = new List<Evidence>(Math.Max(_count, _reserved));
            objects.AddRange(this);
            _objects = objects;
            _segments.Clear();
            _segmentStarts.Clear();
            _count = 0;
        }

        return _objects;
    }

    /// <summary>Closes the segment being filled; the reader calls it before handing the store out, which is then read only.</summary>
    public void Seal()
    {
        if (_open is null)
        {
            return;
        }

        Row[] open = _open;
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

    private int SegmentEnd(int segment) => _segments[segment].Length;

    private ref readonly Row RowAt(int index)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count, nameof(index));
        Seal();
        int segment = SegmentOf(index);
        return ref _segments[segment][index - _segmentStarts[segment]];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int SegmentOf(int index)
    {
        Seal();
        int found = _segmentStarts.BinarySearch(index);
        return found >= 0 ? found : ~found - 1;
    }

    private Evidence Create(in Row row)
    {
        string cadreId = _cadres[row.Owner].Id;
        var date = DateOnly.FromDayNumber(row.Day);
        var channel = (EvidenceChannel)row.Channel;
        Evidence evidence = (EvidenceKind)row.Kind switch
        {
            EvidenceKind.WorkStyle => new WorkStyleEvidence
            {
                Id = null!, CadreId = cadreId, Date = date, Channel = channel,
                WorkStyle = (WorkStyleProblem)row.First, Severity = (Severity)row.Second, Status = (FindingStatus)row.Third,
            },
            EvidenceKind.NegativeList => new NegativeListEvidence
            {
                Id = null!, CadreId = cadreId, Date = date, Channel = channel,
                Category = (NegativeListCategory)row.First, Status = (FindingStatus)row.Second,
            },
            EvidenceKind.KeyTask => new KeyTaskEvidence
            {
                Id = null!, CadreId = cadreId, Date = date, Channel = channel,
                Task = (KeyTaskKind)row.First, Rating = (KeyTaskRating)row.Second,
            },
            _ => new AttitudeEvidence
            {
                Id = null!, CadreId = cadreId, Date = date, Channel = channel,
                Attitude = (AttitudeRating)row.First,
            },
        };
        evidence.SetPackedId(row.High, row.Low);
        return evidence;
    }

    private readonly struct Row(ulong high, ulong low, int owner, int day, byte kind, byte channel, byte first, byte second, byte third)
    {
        public readonly ulong High = high;
        public readonly ulong Low = low;
        public readonly int Owner = owner;
        public readonly int Day = day;
        public readonly byte Kind = kind;
        public readonly byte Channel = channel;
        public readonly byte First = first;
        public readonly byte Second = second;
        public readonly byte Third = third;
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
