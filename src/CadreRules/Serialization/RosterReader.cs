namespace CadreRules.Serialization;

/// <summary>
/// Reads roster documents (ROSTER-FORMAT.md, schema version 1) in one forward pass with
/// <see cref="System.Text.Json.Utf8JsonReader"/>: no DOM is built, so peak memory is the resulting
/// <see cref="Roster"/> plus a small buffer, even for a million cadres.
/// </summary>
/// <remarks>
/// <para>
/// <b>Validation.</b> A document that breaks any rule of ROSTER-FORMAT.md, "Invalid input", is
/// rejected as a whole with a <see cref="RosterValidationException"/> listing every violation: errors
/// found during the pass in document order, then the cross checks (references, dates against as-of,
/// board periods, as-of inside the period) ordered by section and index. Malformed JSON is the
/// exception to "every violation": it is reported alone, with the path being read and the line and
/// byte position, since nothing before it can be trusted.
/// </para>
/// <para>
/// <b>Strictness.</b> Property names are camelCase and case-sensitive (<c>cadreID</c> is an unknown
/// property); enum values and the <c>H</c> of a period are case-insensitive and become the canonical
/// enum value; enum values are names only (<c>"1"</c> is not an enum value). Dates are exactly
/// <c>yyyy-MM-dd</c>. Integers (<c>schemaVersion</c>, <c>year</c>) must be JSON integers that fit an
/// <see cref="int"/>; progress values are read as <see cref="decimal"/> (exact) and must lie in [0, 1];
/// an indicator value must be a finite <see cref="double"/> (a number too large for a double is an
/// error). Ids must be non-empty, not blank. A property repeated in one object, comments, trailing
/// commas and content after the document are errors. A leading UTF-8 byte-order mark is ignored.
/// </para>
/// <para>
/// <b>Null.</b> <c>null</c> is accepted only for a project's <c>due</c>, where it means "no due
/// date", the same as omitting it. Everywhere else — required or optional, scalar or collection —
/// <c>null</c> is a wrong-type error: omit an optional property to get its default. This keeps one
/// meaning per spelling and catches a generator that writes <c>null</c> for a value it lost.
/// </para>
/// <para>
/// <b>Streams.</b> <see cref="Read(Stream)"/> does not load the document: it parses through a pooled
/// 64 KiB buffer with the standard refill pattern (the saved <see cref="System.Text.Json.JsonReaderState"/>,
/// <c>isFinalBlock</c> once the stream ends) and doubles the buffer only when a single token does not
/// fit. The stream is read to its end and not disposed.
/// </para>
/// <para>
/// <b>Large rosters.</b> Beyond the roster itself the reader keeps little: references resolve to the
/// defining id string, repeated names and periods share one string, and record ids that ascend, and
/// annual grades and board placements grouped by cadre in ascending cadre order (as generated rosters
/// list them), are checked for duplicates without a dictionary.
/// Most of the remaining cost is the kernel and the garbage collector providing fresh memory for the
/// roster's millions of objects. For hosts (not set by this library): with the parallel read, server GC
/// read a million cadres on two cores in 6.9 s against 7.8 s for workstation GC; non-concurrent GC or a
/// larger gen0 budget lowered GC pauses without shortening the read.
/// </para>
/// <para>
/// <b>Parallel reading.</b> A stream that can seek and holds at least 4 MiB (a file, say) is read with the
/// cadres and the record sections (evidence, annual grades, measures, board history) parsed on
/// <see cref="RosterReaderOptions.MaxDegreeOfParallelism"/> threads: the reading thread only cuts those
/// arrays into chunks of whole elements. A chunk of evidence, annual grades or board placements written
/// plainly (JSON whitespace, printable-ASCII strings without escapes, known properties once each,
/// short ascending evidence ids, cadres already defined) is read byte by byte without a JSON reader;
/// any other chunk goes through the full parser. This is a fast path for valid documents: it returns only a
/// roster it read without a single violation, identical to the sequential read's. Any violation — or a
/// layout it cannot check on its own, such as records before the cadres they reference — makes it seek
/// back and read the document again sequentially, so errors are reported exactly as without it, after
/// roughly twice the time. A stream that cannot seek, a short document and a span are read sequentially.
/// </para>
/// <para>Every method is thread-safe; each call reads one document.</para>
/// </remarks>
public static class RosterReader
{
    /// <summary>Reads a roster document from a stream of UTF-8 JSON.</summary>
    /// <param name="utf8Json">The stream, read to its end; the caller disposes it.</param>
    /// <returns>The roster.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="RosterValidationException">The document is invalid; see <see cref="RosterValidationException.Errors"/>.</exception>
    /// <exception cref="IOException">The stream could not be read.</exception>
    public static Roster Read(Stream utf8Json) => Read(utf8Json, options: null);

    /// <summary>Reads a roster document from a stream of UTF-8 JSON, with options.</summary>
    /// <param name="utf8Json">The stream, read to its end; the caller disposes it.</param>
    /// <param name="options">How to read; <see langword="null"/> for the defaults.</param>
    /// <returns>The roster.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="RosterReaderOptions.MaxDegreeOfParallelism"/> is 0 or less than -1.</exception>
    /// <exception cref="RosterValidationException">The document is invalid; see <see cref="RosterValidationException.Errors"/>.</exception>
    /// <exception cref="IOException">The stream could not be read.</exception>
    public static Roster Read(Stream utf8Json, RosterReaderOptions? options)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Read(utf8Json, JsonCursor.DefaultBufferSize, Parallelism(options), ParallelReading.DefaultMinimumBytes, out _);
    }

    /// <summary>Reads a roster document held in memory as UTF-8 JSON.</summary>
    /// <param name="utf8Json">The document.</param>
    /// <returns>The roster.</returns>
    /// <exception cref="RosterValidationException">The document is invalid; see <see cref="RosterValidationException.Errors"/>.</exception>
    public static Roster Read(ReadOnlySpan<byte> utf8Json)
    {
        var cursor = new JsonCursor(utf8Json);
        return RosterParser.Parse(ref cursor);
    }

    /// <summary>Reads a roster document from a UTF-8 JSON file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The roster.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="RosterValidationException">The document is invalid; see <see cref="RosterValidationException.Errors"/>.</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static Roster ReadFile(string path) => ReadFile(path, options: null);

    /// <summary>Reads a roster document from a UTF-8 JSON file, with options.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="options">How to read; <see langword="null"/> for the defaults.</param>
    /// <returns>The roster.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="RosterReaderOptions.MaxDegreeOfParallelism"/> is 0 or less than -1.</exception>
    /// <exception cref="RosterValidationException">The document is invalid; see <see cref="RosterValidationException.Errors"/>.</exception>
    /// <exception cref="IOException">The file could not be read.</exception>
    public static Roster ReadFile(string path, RosterReaderOptions? options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ParallelReading? parallel = Parallelism(options);

        // bufferSize 1: no FileStream buffer on top of the reader's own.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream, JsonCursor.DefaultBufferSize, parallel, ParallelReading.DefaultMinimumBytes, out _);
    }

    /// <summary>Reads from a stream with a given initial buffer size (tests use a tiny one), sequentially.</summary>
    internal static Roster Read(Stream utf8Json, int initialBufferSize) => Read(utf8Json, initialBufferSize, parallel: null, minimumParallelBytes: 0, out _);

    /// <summary>
    /// Reads from a stream: first in parallel when <paramref name="parallel"/> is set and the stream can
    /// seek and has at least <paramref name="minimumParallelBytes"/> left, then, when that read cannot
    /// vouch for its result, sequentially from the same start.
    /// </summary>
    /// <param name="utf8Json">The stream.</param>
    /// <param name="initialBufferSize">The cursor's initial buffer size.</param>
    /// <param name="parallel">How to read in parallel; <see langword="null"/> to read sequentially.</param>
    /// <param name="minimumParallelBytes">The shortest stream read in parallel.</param>
    /// <param name="sequential">Set to whether the result (or the exception) came from a sequential read.</param>
    /// <returns>The roster.</returns>
    internal static Roster Read(Stream utf8Json, int initialBufferSize, ParallelReading? parallel, long minimumParallelBytes, out bool sequential)
    {
        sequential = false;
        if (parallel is not null && utf8Json.CanSeek && utf8Json.Length - utf8Json.Position >= minimumParallelBytes)
        {
            long start = utf8Json.Position;
            var speculative = new JsonCursor(utf8Json, initialBufferSize);
            try
            {
                return RosterParser.ParseInParallel(ref speculative, parallel);
            }
            catch (SpeculationFailedException)
            {
                // Read again below; that read reports the violations.
            }
            finally
            {
                speculative.Dispose();
            }

            utf8Json.Position = start;
        }

        sequential = true;
        var cursor = new JsonCursor(utf8Json, initialBufferSize);
        try
        {
            return RosterParser.Parse(ref cursor);
        }
        finally
        {
            cursor.Dispose();
        }
    }

    private static ParallelReading? Parallelism(RosterReaderOptions? options)
    {
        int degree = options?.MaxDegreeOfParallelism ?? -1;
        if (degree is 0 or < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), degree, "MaxDegreeOfParallelism must be -1 or at least 1.");
        }

        int workers = degree == -1 ? Environment.ProcessorCount : Math.Min(degree, Environment.ProcessorCount);
        return workers > 1 ? new ParallelReading(workers, ParallelReading.DefaultChunkBytes) : null;
    }
}
