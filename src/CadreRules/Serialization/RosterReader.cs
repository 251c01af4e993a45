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
/// defining id string, repeated names and periods share one string, and record ids and annual-grade
/// keys that ascend (as generated rosters list them) are checked for duplicates without a dictionary.
/// Most of the remaining cost is the garbage collector promoting the roster's millions of objects. For
/// hosts (not set by this library): on two cores the default workstation GC was fastest; server GC was
/// slower, and non-concurrent GC or a larger gen0 budget lowered GC pauses without shortening the read.
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
    public static Roster Read(Stream utf8Json)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return Read(utf8Json, JsonCursor.DefaultBufferSize);
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
    public static Roster ReadFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        // bufferSize 1: no FileStream buffer on top of the reader's own.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Read(stream);
    }

    /// <summary>Reads from a stream with a given initial buffer size (tests use a tiny one).</summary>
    internal static Roster Read(Stream utf8Json, int initialBufferSize)
    {
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
}
