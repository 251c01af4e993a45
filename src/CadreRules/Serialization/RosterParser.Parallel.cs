using System.Buffers;
using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Runtime.Intrinsics;
using System.Text.Json;

namespace CadreRules.Serialization;

/// <summary>How <see cref="RosterParser.ParseInParallel"/> splits the record sections.</summary>
/// <param name="Workers">The number of threads parsing chunks; at least 1.</param>
/// <param name="ChunkBytes">The size a chunk reaches before it is cut at the next element boundary.</param>
internal sealed record ParallelReading(int Workers, int ChunkBytes)
{
    private int _plainChunks;

    /// <summary>The chunk size used by <see cref="RosterReader"/>.</summary>
    public const int DefaultChunkBytes = 512 * 1024;

    /// <summary>Documents shorter than this are read sequentially: threads would cost more than they save.</summary>
    public const long DefaultMinimumBytes = 4 * 1024 * 1024;

    /// <summary>Gets how many chunks read with these settings took the plain path (tests watch it).</summary>
    public int PlainChunks => Volatile.Read(ref _plainChunks);

    /// <summary>Counts a chunk read plainly.</summary>
    public void NotePlainChunk() => Interlocked.Increment(ref _plainChunks);
}

/// <summary>
/// Thrown by a speculative parallel read that cannot vouch for its result (the document has a violation,
/// or is laid out so that the fast path cannot check it); the document is then read sequentially.
/// </summary>
internal sealed class SpeculationFailedException : Exception
{
    public SpeculationFailedException()
        : base("The document must be read sequentially.")
    {
    }
}

/// <content>
/// The parallel fast path for the cadres and the record sections (evidence, annual grades, measures,
/// board history), which hold most of a large roster's bytes.
/// </content>
/// <remarks>
/// <para>
/// The reading thread stops tokenizing at the section's <c>[</c> and only splits the raw bytes at
/// top-level commas (tracking strings, escapes and nesting) into chunks of about
/// <see cref="ParallelReading.ChunkBytes"/>. Worker threads parse each chunk, wrapped in brackets, with a
/// child parser that runs the very same element readers and shares the cadre ids read so far (read only).
/// The results are appended in document order, so the lists are those a sequential read builds.
/// </para>
/// <para>
/// The fast path vouches only for clean input. Any violation in a chunk, a reference to a cadre not yet
/// defined, malformed JSON, or an element count that differs from the split makes the whole read fail
/// with <see cref="SpeculationFailedException"/>, and <see cref="RosterReader"/> reads the document again
/// sequentially, which reports exactly what it always did. Duplicate keys across chunks are ruled out
/// cheaply when record ids ascend through the section, and grade and board keys come grouped by cadre in
/// ascending cadre order (as generated rosters list them); otherwise the parent puts the keys into its
/// dictionaries, as the sequential reader does once they stop.
/// </para>
/// </remarks>
internal sealed partial class RosterParser
{
    private readonly ParallelReading? _parallel;

    // The first record id of a chunk, for the merge to see whether ids ascend across chunks (grade and
    // board keys keep theirs in SectionKeys).
    private RecordId _firstRecordId;

    // A chunk's parser shares, read only, the ids its elements reference (the parent reads nothing
    // meanwhile). A chunk of cadres keeps no ids of its own: the parent puts them into its dictionary
    // in document order when it merges the chunk, and any duplicate, within a chunk or across, fails
    // the fast path there.
    private RosterParser(RosterParser parent, int section, StringCache names)
        : this(
            parallel: null,
            parent._unitIds,
            section == CadresSection ? new Dictionary<string, int>(StringComparer.Ordinal) : parent._cadreIds,
            names,
            parent._arena,
            parent._units,
            parent._cadres)
    {
        _keepsCadreIds = section != CadresSection;
    }

    /// <summary>Reads a record section through worker threads; the cursor is on the section's <c>[</c>.</summary>
    private void ReadSectionInParallel(ref JsonCursor c, int section)
    {
        ParallelReading parallel = _parallel!;
        JsonReaderState afterStart = c.Reader.CurrentState;
        c.BeginRaw();

        var chunks = new List<Chunk>();
        var failed = new StrongBox<bool>();
        ExceptionDispatchInfo? crash = null;
        using var queue = new BlockingCollection<Chunk>(boundedCapacity: parallel.Workers * 2);
        var workers = new Task[parallel.Workers];
        for (int i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Factory.StartNew(
                () =>
                {
                    // Names repeat across chunks: one cache per worker shares them without a lock.
                    var names = new StringCache();
                    foreach (Chunk chunk in queue.GetConsumingEnumerable())
                    {
                        try
                        {
                            chunk.Parse(this, section, names, failed);
                        }
                        catch (Exception e)
                        {
                            // Keep taking chunks (each returns at once now) so the reading thread never
                            // waits on a full queue; the exception is rethrown once all have stopped.
                            Interlocked.CompareExchange(ref crash, ExceptionDispatchInfo.Capture(e), null);
                            Volatile.Write(ref failed.Value, true);
                        }
                    }
                },
                CancellationToken.None,
                TaskCreationOptions.LongRunning,
                TaskScheduler.Default);
        }

        try
        {
            Split(ref c, parallel.ChunkBytes, afterStart, chunk =>
            {
                if (Volatile.Read(ref failed.Value))
                {
                    throw new SpeculationFailedException();
                }

                chunks.Add(chunk);
                queue.Add(chunk);
            });
        }
        finally
        {
            queue.CompleteAdding();
            Task.WaitAll(workers);
        }

        crash?.Throw();
        if (failed.Value)
        {
            throw new SpeculationFailedException();
        }

        // The cursor reads on from the section's closing bracket.
        Advance(ref c);
        Merge(section, chunks);
    }

    /// <summary>
    /// Hands out the section's elements in chunks of whole elements, up to the section's closing bracket,
    /// which goes back to the cursor with everything after it.
    /// </summary>
    /// <remarks>
    /// Blocks of 64 bytes without a backslash are classified at once: the quote bits' prefix XOR marks
    /// what is inside strings, and only the brackets and commas outside strings are visited. Blocks with
    /// a backslash, and the tail, go byte by byte with the escape state.
    /// </remarks>
    private static void Split(ref JsonCursor c, int chunkBytes, JsonReaderState afterStart, Action<Chunk> emit)
    {
        byte[] window = ArrayPool<byte>.Shared.Rent(Math.Max(2 * chunkBytes, 4096));
        try
        {
            var splitter = new Splitter(chunkBytes, emit);
            int length = 0;
            int scan = 0;
            int scalarUntil = 0;
            bool inString = false;
            bool escaped = false;
            while (true)
            {
                if (scan == length)
                {
                    int start = splitter.Start;
                    if (start > 0)
                    {
                        window.AsSpan(start, length - start).CopyTo(window);
                        length -= start;
                        scan -= start;
                        scalarUntil = Math.Max(0, scalarUntil - start);
                        splitter.Start = 0;
                    }

                    if (length == window.Length)
                    {
                        // One element larger than the window: grow it.
                        byte[] larger = ArrayPool<byte>.Shared.Rent(checked(window.Length * 2));
                        window.AsSpan(0, length).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(window);
                        window = larger;
                    }

                    int read = c.ReadRaw(window.AsSpan(length));
                    if (read == 0)
                    {
                        // The document ends inside the section: malformed, reported by the sequential read.
                        throw new SpeculationFailedException();
                    }

                    length += read;
                }

                while (scan < length)
                {
                    if (scan >= scalarUntil && !escaped && length - scan >= 64)
                    {
                        ref byte block = ref window[scan];
                        var low = Vector256.LoadUnsafe(ref block);
                        var high = Vector256.LoadUnsafe(ref block, 32);
                        if (Bits(low, high, (byte)'\\') != 0)
                        {
                            scalarUntil = scan + 64;
                            continue;
                        }

                        ulong inside = PrefixXor(Bits(low, high, (byte)'"')) ^ (inString ? ulong.MaxValue : 0);
                        inString = (long)inside < 0;
                        ulong structural = ~inside & (Bits(low, high, (byte)',') | Bits(low, high, (byte)'{') | Bits(low, high, (byte)'}')
                            | Bits(low, high, (byte)'[') | Bits(low, high, (byte)']'));
                        while (structural != 0)
                        {
                            int at = scan + BitOperations.TrailingZeroCount(structural);
                            structural &= structural - 1;
                            if (splitter.Visit(window, at))
                            {
                                c.EndRaw(window.AsSpan(at, length - at), afterStart);
                                return;
                            }
                        }

                        scan += 64;
                        continue;
                    }

                    byte b = window[scan];
                    if (inString)
                    {
                        if (escaped)
                        {
                            escaped = false;
                        }
                        else if (b == (byte)'\\')
                        {
                            escaped = true;
                        }
                        else if (b == (byte)'"')
                        {
                            inString = false;
                        }
                    }
                    else if (b == (byte)'"')
                    {
                        inString = true;
                    }
                    else if (b is (byte)',' or (byte)'{' or (byte)'}' or (byte)'[' or (byte)']' && splitter.Visit(window, scan))
                    {
                        c.EndRaw(window.AsSpan(scan, length - scan), afterStart);
                        return;
                    }

                    scan++;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(window);
        }

        static ulong Bits(Vector256<byte> low, Vector256<byte> high, byte value)
        {
            var match = Vector256.Create(value);
            return Vector256.Equals(low, match).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(high, match).ExtractMostSignificantBits() << 32);
        }

        // Bit i of the result is the XOR of bits 0..i: 1 from an opening quote up to its closing quote.
        static ulong PrefixXor(ulong x)
        {
            x ^= x << 1;
            x ^= x << 2;
            x ^= x << 4;
            x ^= x << 8;
            x ^= x << 16;
            return x ^ (x << 32);
        }
    }

    /// <summary>Tracks nesting and cuts chunks at top-level commas; sees only brackets and commas outside strings.</summary>
    private struct Splitter(int chunkBytes, Action<Chunk> emit)
    {
        private int _depth;
        private int _commas;
        private int _firstIndex;
        private bool _splitBefore;

        /// <summary>Gets or sets where the current chunk starts in the window.</summary>
        public int Start { get; set; }

        /// <summary>Visits a bracket or comma; <see langword="true"/> at the section's closing bracket.</summary>
        public bool Visit(byte[] window, int at)
        {
            switch (window[at])
            {
                case (byte)'{' or (byte)'[':
                    _depth++;
                    return false;
                case (byte)'}':
                    if (--_depth < 0)
                    {
                        throw new SpeculationFailedException();
                    }

                    return false;
                case (byte)']':
                    if (_depth > 0)
                    {
                        _depth--;
                        return false;
                    }

                    ReadOnlySpan<byte> last = window.AsSpan(Start, at - Start);
                    if (_splitBefore || _commas > 0 || last.IndexOfAnyExcept(" \t\r\n"u8) >= 0)
                    {
                        emit(Chunk.Create(last, _firstIndex, _commas + 1));
                    }

                    return true;
                default:
                    if (_depth == 0)
                    {
                        if (at - Start >= chunkBytes)
                        {
                            emit(Chunk.Create(window.AsSpan(Start, at - Start), _firstIndex, _commas + 1));
                            _firstIndex += _commas + 1;
                            Start = at + 1;
                            _commas = 0;
                            _splitBefore = true;
                        }
                        else
                        {
                            _commas++;
                        }
                    }

                    return false;
            }
        }
    }

    /// <summary>Appends the chunks' items in order and carries the duplicate checks across chunks.</summary>
    private void Merge(int section, List<Chunk> chunks)
    {
        foreach (Chunk chunk in chunks)
        {
            _latest.Include(chunk.Child!._latest);
        }

        switch (section)
        {
            case CadresSection:
                MergeCadres(chunks);
                break;
            case EvidenceSection or MeasuresSection:
                MergeRecords(section, chunks);
                break;
            case GradesSection:
                MergeGrades(chunks);
                break;
            default:
                MergeBoard(chunks);
                break;
        }
    }

    private void MergeCadres(List<Chunk> chunks)
    {
        int before = _cadres.Count;
        Append(_cadres, chunks, child => child._cadres);
        AppendRuns(_cadreRuns, chunks, child => child._cadreRuns);
        AddKeys(_cadreIds, before, _cadres.Count, i => _cadres[i].Id);
    }

    private void MergeRecords(int section, List<Chunk> chunks)
    {
        bool ascending = _recordIds.Count == 0;
        RecordId last = _lastRecordId;
        foreach (Chunk chunk in chunks)
        {
            RosterParser child = chunk.Child!;
            if (child._recordIds.Count > 0 || (!last.IsNone && RecordId.Compare(child._firstRecordId, last) <= 0))
            {
                ascending = false;
            }

            last = child._lastRecordId.IsNone ? last : child._lastRecordId;
        }

        int before = section == EvidenceSection ? _evidence.Count : _measures.Count;
        if (section == EvidenceSection)
        {
            Append(_evidence, chunks, child => child._evidence);
            AppendRuns(_evidenceRuns, chunks, child => child._evidenceRuns);
        }
        else
        {
            Append(_measures, chunks, child => child._measures);
            AppendRuns(_measureRuns, chunks, child => child._measureRuns);
        }

        if (ascending)
        {
            _lastRecordId = last;
        }
        else if (_recordIds.Count == 0)
        {
            // Ids stop ascending: from here on the dictionary decides, as in ReadRecordId.
            AddKeys(_recordIds, 0, _evidence.Count, _evidence.IdAt);
            AddKeys(_recordIds, 0, _measures.Count, i => _measures[i].Id, complement: true);
        }
        else if (section == EvidenceSection)
        {
            AddKeys(_recordIds, before, _evidence.Count, _evidence.IdAt);
        }
        else
        {
            AddKeys(_recordIds, before, _measures.Count, i => _measures[i].Id, complement: true);
        }
    }

    private void MergeGrades(List<Chunk> chunks) =>
        MergeKeyed(
            chunks,
            () => _grades.Count,
            () => Append(_grades, chunks, child => child._grades),
            _grades.KeyAt,
            _gradeRuns,
            _gradeKeys,
            child => child._gradeRuns,
            child => child._gradeKeys);

    private void MergeBoard(List<Chunk> chunks) =>
        MergeKeyed(
            chunks,
            () => _board.Count,
            () => Append(_board, chunks, child => child._board),
            BoardKeyAt,
            _boardRuns,
            _boardKeys,
            child => child._boardRuns,
            child => child._boardKeys);

    /// <summary>Appends a keyed section's chunks; keys grouped by cadre within and across them are distinct, any others go through the dictionary.</summary>
    private static void MergeKeyed(
        List<Chunk> chunks,
        Func<int> count,
        Action append,
        Func<int, (string CadreId, int Number)> keyAt,
        OwnerRuns runs,
        SectionKeys keys,
        Func<RosterParser, OwnerRuns> runsOf,
        Func<RosterParser, SectionKeys> keysOf)
    {
        int before = count();
        bool wasGrouped = keys.Grouped;
        bool grouped = wasGrouped;
        foreach (Chunk chunk in chunks)
        {
            grouped = grouped && keys.Follow(keysOf(chunk.Child!));
        }

        append();
        AppendRuns(runs, chunks, runsOf);
        if (!grouped)
        {
            AddKeys(keys.Seen, wasGrouped ? 0 : before, count(), keyAt);
        }
    }

    private static void AppendRuns(OwnerRuns target, List<Chunk> chunks, Func<RosterParser, OwnerRuns> runs)
    {
        foreach (Chunk chunk in chunks)
        {
            target.Append(runs(chunk.Child!));
        }
    }

    private static void Append<T>(List<T> target, List<Chunk> chunks, Func<RosterParser, List<T>> items)
    {
        target.EnsureCapacity(target.Count + chunks.Sum(chunk => items(chunk.Child!).Count));
        foreach (Chunk chunk in chunks)
        {
            target.AddRange(items(chunk.Child!));
        }
    }

    /// <summary>As for a list: the chunks' row segments are taken over, not copied.</summary>
    private static void Append<T, TRow>(RowStore<T, TRow> target, List<Chunk> chunks, Func<RosterParser, RowStore<T, TRow>> items)
        where TRow : unmanaged
    {
        foreach (Chunk chunk in chunks)
        {
            target.AddRange(items(chunk.Child!));
        }
    }

    /// <summary>Adds the keys of the items at [from, end); a key already there means a duplicate, which only the sequential read reports.</summary>
    private static void AddKeys<TKey>(Dictionary<TKey, int> keys, int from, int end, Func<int, TKey> keyAt, bool complement = false)
        where TKey : notnull
    {
        keys.EnsureCapacity(keys.Count + end - from);
        for (int i = from; i < end; i++)
        {
            if (!keys.TryAdd(keyAt(i), complement ? ~i : i))
            {
                throw new SpeculationFailedException();
            }
        }
    }

    /// <summary>Some whole elements of a section, wrapped in brackets, and what parsing them gave.</summary>
    private sealed class Chunk
    {
        private byte[]? _bytes;
        private int _length;
        private int _firstIndex;
        private int _elements;

        /// <summary>Gets the parser that read the chunk; set once it read it cleanly.</summary>
        public RosterParser? Child { get; private set; }

        public static Chunk Create(ReadOnlySpan<byte> elements, int firstIndex, int count)
        {
            byte[] bytes = ArrayPool<byte>.Shared.Rent(elements.Length + 2);
            bytes[0] = (byte)'[';
            elements.CopyTo(bytes.AsSpan(1));
            bytes[elements.Length + 1] = (byte)']';
            return new Chunk { _bytes = bytes, _length = elements.Length + 2, _firstIndex = firstIndex, _elements = count };
        }

        /// <summary>Parses the chunk; sets <paramref name="failed"/> when it is not clean.</summary>
        public void Parse(RosterParser parent, int section, StringCache names, StrongBox<bool> failed)
        {
            byte[] bytes = _bytes!;
            _bytes = null;
            try
            {
                if (Volatile.Read(ref failed.Value))
                {
                    return;
                }

                var child = new RosterParser(parent, section, names);
                child.Reserve(section, _elements);
                if (HasPlainPath(section))
                {
                    if (child.TryReadPlainChunk(bytes.AsSpan(0, _length), section, _firstIndex) == _elements)
                    {
                        parent._parallel!.NotePlainChunk();
                        Child = child;
                        return;
                    }

                    // Not plain: the full parser reads the chunk afresh and decides.
                    child = new RosterParser(parent, section, names);
                    child.Reserve(section, _elements);
                }

                if (child.ReadChunk(bytes.AsSpan(0, _length), section, _firstIndex) == _elements && child.IsClean)
                {
                    Child = child;
                    return;
                }

                Volatile.Write(ref failed.Value, true);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
    }

    private void Reserve(int section, int count)
    {
        switch (section)
        {
            case CadresSection:
                _cadres.Capacity = count;
                break;
            case EvidenceSection:
                _evidence.Reserve(count);
                break;
            case GradesSection:
                _grades.Reserve(count);
                break;
            case MeasuresSection:
                _measures.Capacity = count;
                break;
            default:
                _board.Capacity = count;
                break;
        }
    }

    /// <summary>Reads a bracketed chunk of a section's elements; returns how many there were, or -1 when malformed.</summary>
    private int ReadChunk(ReadOnlySpan<byte> json, int section, int firstIndex)
    {
        var c = new JsonCursor(json);
        try
        {
            Advance(ref c);
            int count = ReadElements(ref c, section, firstIndex);
            return c.Read() ? -1 : count;
        }
        catch (JsonException)
        {
            return -1;
        }
    }

    private bool IsClean =>
        _errors.Count == 0 && _pendingReferences.Count == 0 && _pendingChecks.Count == 0
        && _evidenceGaps.Count == 0 && _gradeGaps.Count == 0 && _measureGaps.Count == 0 && _boardGaps.Count == 0;
}
