using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CadreRules.Serialization;

/// <summary>
/// Writes an <see cref="AssessmentReport"/> as the JSON of REPORT-FORMAT.md (schema version 1) with
/// <see cref="Utf8JsonWriter"/>. The writer keeps the report's order (the engine already sorted the
/// decisions and counts); only detail keys are written in ordinal order, whatever the dictionary's own
/// order. The same report always gives the same bytes: invariant culture, <c>\n</c> newlines, two-space
/// indentation, no trailing newline.
/// </summary>
/// <remarks>
/// Detail values are written by type: a <see cref="string"/> as a string, a <see cref="DateOnly"/> as
/// <c>yyyy-MM-dd</c>, an <see cref="Enum"/> by its name, a <see cref="bool"/> as a boolean, an
/// <see cref="int"/> or <see cref="long"/> as a number, an <see cref="IEnumerable{T}"/> of strings as an
/// array (in its own order), and anything else as the text of <see cref="DetailKeys.Format(object)"/>.
/// <para>
/// A report of many decisions (8,192 or more) on a machine with more than one processor has its
/// decisions formatted in blocks on the thread pool, a few blocks ahead of the calling thread, which
/// writes them in order: the bytes are the same as from one thread. The blocks in flight share a few
/// buffers, so the write allocates little beyond what formatting the values needs.
/// </para>
/// </remarks>
public static class ReportWriter
{
    private static readonly JsonWriterOptions IndentedOptions = CreateOptions(indented: true);
    private static readonly JsonWriterOptions CompactOptions = CreateOptions(indented: false);

    /// <summary>Reports with fewer decisions are written by the calling thread alone.</summary>
    internal const int ParallelMinimumDecisions = 8192;

    // Small enough that a block's buffer (about 400 bytes a decision) stays off the large object heap.
    private const int DecisionsPerBlock = 96;

    /// <summary>Writes <paramref name="report"/> as UTF-8 JSON to <paramref name="utf8Output"/>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="utf8Output">The stream to write to; flushed, not disposed.</param>
    /// <param name="indented">Whether to indent (two spaces, <c>\n</c> newlines); otherwise one line.</param>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> or <paramref name="utf8Output"/> is null.</exception>
    public static void Write(AssessmentReport report, Stream utf8Output, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(utf8Output);
        Write(report, utf8Output, indented, Environment.ProcessorCount > 1 ? ParallelMinimumDecisions : int.MaxValue);
    }

    /// <summary>Writes a report, formatting decisions in parallel from <paramref name="parallelMinimum"/> decisions on (tests lower it).</summary>
    internal static void Write(AssessmentReport report, Stream utf8Output, bool indented, int parallelMinimum)
    {
        var options = indented ? IndentedOptions : CompactOptions;
        using var writer = new Utf8JsonWriter(utf8Output, options);
        WriteReport(writer, report, options, parallelMinimum);
        writer.Flush();
    }

    /// <summary>Returns <paramref name="report"/> as a JSON string.</summary>
    /// <param name="report">The report.</param>
    /// <param name="indented">Whether to indent (two spaces, <c>\n</c> newlines); otherwise one line.</param>
    /// <returns>The JSON text.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    public static string ToJson(AssessmentReport report, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        var buffer = new ArrayBufferWriter<byte>();
        var options = indented ? IndentedOptions : CompactOptions;
        using (var writer = new Utf8JsonWriter(buffer, options))
        {
            WriteReport(writer, report, options, Environment.ProcessorCount > 1 ? ParallelMinimumDecisions : int.MaxValue);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static JsonWriterOptions CreateOptions(bool indented) => new()
    {
        Indented = indented,
        IndentSize = 2,
        IndentCharacter = ' ',
        NewLine = "\n",

        // The report is a data file read by programs and people, never inlined into HTML or a script,
        // so the HTML-safety escaping of the default encoder (<, >, &, ', +) buys nothing, and its
        // \uXXXX escaping of every non-ASCII character would make Chinese reasons unreadable.
        // UnsafeRelaxedJsonEscaping writes all BMP text (Chinese included) as UTF-8 and still escapes
        // what JSON requires (quotes, backslash, control characters). Characters outside the BMP (rare
        // CJK extension B, emoji) are still written as \uXXXX surrogate pairs: valid, deterministic JSON.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = false,
    };

    /// <summary>The writer options for an indented or a one-line report.</summary>
    internal static JsonWriterOptions Options(bool indented) => indented ? IndentedOptions : CompactOptions;

    private static void WriteReport(Utf8JsonWriter writer, AssessmentReport report, JsonWriterOptions options, int parallelMinimum)
    {
        WriteHead(writer, report.Policy, report.PolicyVersion, report.Period, report.AsOf);
        if (report.Decisions.Count >= parallelMinimum)
        {
            WriteDecisionsInParallel(writer, report.Decisions, options);
        }
        else
        {
            foreach (var decision in report.Decisions)
            {
                WriteDecision(writer, decision);
                FlushEarly(writer);
            }
        }

        WriteTail(writer, report.Counts, report.Statistics);
    }

    /// <summary>Writes everything before the first decision: the report's opening, its identification and the opening of <c>decisions</c>.</summary>
    internal static void WriteHead(Utf8JsonWriter writer, string policy, int policyVersion, AssessmentPeriod period, DateOnly asOf)
    {
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion"u8, 1);
        writer.WriteString("policy"u8, policy);

        // Not in REPORT-FORMAT.md's example; extra keys are allowed, and the version makes a report traceable.
        writer.WriteNumber("policyVersion"u8, policyVersion);
        writer.WriteString("period"u8, period.ToString());
        WriteDate(writer, "asOf"u8, asOf);

        writer.WriteStartArray("decisions"u8);
    }

    /// <summary>Writes everything after the last decision: the end of <c>decisions</c>, the counts, the statistics and the report's end.</summary>
    internal static void WriteTail(Utf8JsonWriter writer, IReadOnlyDictionary<string, int> counts, OutcomeStatistics statistics)
    {
        writer.WriteEndArray();

        writer.WriteStartObject("counts"u8);
        foreach (var (kind, count) in counts)
        {
            writer.WriteNumber(kind, count);
        }

        writer.WriteEndObject();

        writer.WriteStartObject("statistics"u8);
        WriteDate(writer, "since"u8, statistics.Since);
        writer.WriteNumber("redPromoted"u8, statistics.RedPromoted);
        writer.WriteNumber("yellowReminded"u8, statistics.YellowReminded);
        writer.WriteNumber("yellowAdjusted"u8, statistics.YellowAdjusted);
        writer.WriteEndObject();

        writer.WriteEndObject();
    }

    // Hand the bytes to the stream as they accumulate: a million-cadre report would otherwise sit
    // whole in the writer's buffer (and its doubling copies) until the end. Flushing an
    // ArrayBufferWriter (ToJson) only commits what was written; same bytes.
    private static void FlushEarly(Utf8JsonWriter writer)
    {
        if (writer.BytesPending > 1 << 16)
        {
            writer.Flush();
        }
    }

    /// <summary>
    /// Formats blocks of decisions on the thread pool, each by a writer that stands inside the decisions
    /// array (so nesting and indentation are the document's), and hands every decision to
    /// <paramref name="writer"/> as a raw value: the comma from the writer, the new line and
    /// indentation from the block.
    /// </summary>
    private static void WriteDecisionsInParallel(Utf8JsonWriter writer, IReadOnlyList<Decision> decisions, JsonWriterOptions options)
    {
        int blocks = ((decisions.Count - 1) / DecisionsPerBlock) + 1;
        int ahead = 2 * Environment.ProcessorCount;
        var pending = new Queue<Task<FormattedBlock>>();

        // A block's buffer goes back to this pool once its decisions are written, so the blocks in
        // flight reuse a few buffers instead of each allocating one (a million-cadre report would
        // otherwise allocate about twice its own size in buffers).
        var buffers = new ConcurrentQueue<ArrayBufferWriter<byte>>();
        int next = 0;
        for (int block = 0; block < blocks; block++)
        {
            while (next < blocks && next <= block + ahead)
            {
                int start = next * DecisionsPerBlock;
                int end = Math.Min(start + DecisionsPerBlock, decisions.Count);
                pending.Enqueue(Task.Run(() => FormattedBlock.Format(decisions, start, end, options, buffers)));
                next++;
            }

            FormattedBlock formatted = pending.Dequeue().GetAwaiter().GetResult();
            formatted.WriteTo(writer);
            formatted.Release(buffers);
        }
    }

    private static void WriteDecision(Utf8JsonWriter writer, Decision decision)
    {
        writer.WriteStartObject();
        writer.WriteString("kind"u8, decision.Kind.Name);
        writer.WriteString("subject"u8, decision.Subject);
        WriteStrings(writer, "rules"u8, decision.Rules);
        WriteStrings(writer, "evidence"u8, decision.Evidence);
        WriteStrings(writer, "reasons"u8, decision.Reasons);

        writer.WriteStartObject("details"u8);
        if (decision.Details.Count > 0)
        {
            var keys = new string[decision.Details.Count];
            int n = 0;
            foreach (var key in decision.Details.Keys)
            {
                keys[n++] = key;
            }

            Array.Sort(keys, StringComparer.Ordinal);
            foreach (var key in keys)
            {
                writer.WritePropertyName(key);
                WriteDetailValue(writer, decision.Details[key]);
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, ReadOnlySpan<byte> name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteDetailValue(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case string text:
                writer.WriteStringValue(text);
                break;
            case DateOnly date:
                writer.WriteStringValue(FormatDate(date));
                break;
            case Enum member:
                writer.WriteStringValue(member.ToString());
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case IEnumerable<string> list:
                writer.WriteStartArray();
                foreach (var item in list)
                {
                    writer.WriteStringValue(item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(DetailKeys.Format(value));
                break;
        }
    }

    private static void WriteDate(Utf8JsonWriter writer, ReadOnlySpan<byte> name, DateOnly date) =>
        writer.WriteString(name, FormatDate(date));

    private static string FormatDate(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The formatted bytes of consecutive decisions.</summary>
    internal sealed class FormattedBlock
    {
        private readonly ArrayBufferWriter<byte> _buffer;
        private readonly int[] _ends;

        private FormattedBlock(ArrayBufferWriter<byte> buffer, int[] ends)
        {
            _buffer = buffer;
            _ends = ends;
        }

        public int Count => _ends.Length - 1;

        public static FormattedBlock Format(IReadOnlyList<Decision> decisions, int start, int end, JsonWriterOptions options, ConcurrentQueue<ArrayBufferWriter<byte>> buffers)
        {
            if (!buffers.TryDequeue(out var buffer))
            {
                buffer = new ArrayBufferWriter<byte>(Math.Max(end - start, 1) * 800);
            }

            var ends = new int[end - start + 1];
            using var writer = new Utf8JsonWriter(buffer, options);

            // Stand inside the decisions array, then forget the bytes that took.
            writer.WriteStartObject();
            writer.WriteStartArray("decisions"u8);
            writer.Flush();
            buffer.ResetWrittenCount();
            for (int i = start; i < end; i++)
            {
                WriteDecision(writer, decisions[i]);
                writer.Flush();
                ends[i - start + 1] = buffer.WrittenCount;
            }

            return new FormattedBlock(buffer, ends);
        }

        /// <summary>Writes the block's decisions to <paramref name="writer"/>, which stands inside the decisions array.</summary>
        public void WriteTo(Utf8JsonWriter writer)
        {
            for (int i = 0; i < Count; i++)
            {
                writer.WriteRawValue(Decision(i), skipInputValidation: true);
                FlushEarly(writer);
            }
        }

        /// <summary>Hands the block's buffer back for another block (<see cref="Format"/> starts by resetting it); the block must not be read after.</summary>
        public void Release(ConcurrentQueue<ArrayBufferWriter<byte>> buffers) => buffers.Enqueue(_buffer);

        /// <summary>
        /// The decision's object with the new line and indentation before it, without the comma: a raw
        /// value gets the comma from the writer, and nothing else.
        /// </summary>
        public ReadOnlySpan<byte> Decision(int index)
        {
            ReadOnlySpan<byte> bytes = _buffer.WrittenSpan[_ends[index].._ends[index + 1]];
            return bytes[0] == (byte)',' ? bytes[1..] : bytes;
        }
    }
}
