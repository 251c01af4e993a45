using System.Globalization;
using System.Text;
using CadreRules.Serialization;
using Xunit.Sdk;

namespace CadreRules.Tests.Serialization;

/// <summary>Roster documents and helpers shared by the serialization tests.</summary>
internal static class RosterDocuments
{
    /// <summary>The example of ROSTER-FORMAT.md, verbatim.</summary>
    public const string SpecExample = """
        {
          "schemaVersion": 1,
          "period": "2024H2",
          "asOf": "2024-12-31",
          "units": [
            {
              "id": "U-XQ", "name": "兴庆区", "kind": "District",
              "underStationedInspection": false,
              "indicators": [
                { "name": "GDP", "year": 2022, "value": 812.5 },
                { "name": "GDP", "year": 2023, "value": 790.1 }
              ],
              "projects": [
                { "id": "P-7", "name": "东环路改造", "plannedProgress": 0.8, "actualProgress": 0.55, "due": "2025-06-30" }
              ]
            }
          ],
          "cadres": [
            { "id": "C-001", "name": "张三", "unitId": "U-XQ", "rank": "Division", "leadership": true, "cityManaged": true }
          ],
          "evidence": [
            { "id": "E-1", "cadreId": "C-001", "date": "2024-09-10", "channel": "Supervision",
              "kind": "WorkStyle", "workStyle": "Delaying", "severity": "Serious", "status": "Verified" },
            { "id": "E-2", "cadreId": "C-001", "date": "2024-05-02", "channel": "Interview",
              "kind": "NegativeList", "category": "Cliques", "status": "EarlySign" },
            { "id": "E-3", "cadreId": "C-001", "date": "2024-03-15", "channel": "KeyTaskReview",
              "kind": "KeyTask", "task": "WorkSafety", "rating": "Outstanding" },
            { "id": "E-4", "cadreId": "C-001", "date": "2024-11-20", "channel": "Interview",
              "kind": "Attitude", "attitude": "Positive" }
          ],
          "annualGrades": [ { "cadreId": "C-001", "year": 2023, "grade": "Competent" } ],
          "measures": [ { "id": "M-1", "cadreId": "C-001", "date": "2024-01-15", "kind": "ReminderTalk" } ],
          "boardHistory": [ { "cadreId": "C-001", "period": "2024H1", "board": "Yellow" } ]
        }
        """;

    /// <summary>Returns the spec example with one exact piece of text replaced; fails when the text is absent.</summary>
    public static string Example(string find, string replace) => Mutate(SpecExample, find, replace);

    public static string Mutate(string json, string find, string replace)
    {
        int at = json.IndexOf(find, StringComparison.Ordinal);
        if (at < 0 || json.IndexOf(find, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new ArgumentException($"'{find}' must occur exactly once in the document.", nameof(find));
        }

        return string.Concat(json.AsSpan(0, at), replace, json.AsSpan(at + find.Length));
    }

    /// <summary>
    /// Reads a document, and checks that the parallel fast path (tiny chunks, two workers) agrees: the
    /// same roster, or the same errors. Every reader test thereby also tests the fast path.
    /// </summary>
    public static Roster Read(string json)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(json);
        Roster? roster = null;
        RosterValidationException? invalid = null;
        try
        {
            roster = RosterReader.Read(bytes);
        }
        catch (RosterValidationException e)
        {
            invalid = e;
        }

        Roster? parallel = null;
        RosterValidationException? parallelInvalid = null;
        try
        {
            parallel = ReadInParallel(bytes, chunkBytes: 8, out _);
        }
        catch (RosterValidationException e)
        {
            parallelInvalid = e;
        }

        if (invalid is not null)
        {
            if (parallelInvalid is null || !parallelInvalid.Errors.SequenceEqual(invalid.Errors))
            {
                throw new XunitException($"The parallel read disagrees on an invalid document: {(parallelInvalid is null ? "it accepted it" : string.Join(" | ", parallelInvalid.Errors))}");
            }

            throw invalid;
        }

        if (parallel is null || Dump(parallel) != Dump(roster!))
        {
            throw new XunitException($"The parallel read disagrees on a valid document: {(parallel is null ? string.Join(" | ", parallelInvalid!.Errors) : "another roster")}");
        }

        AssertLayout(roster!);
        AssertLayout(parallel);
        if (DumpLayout(parallel) != DumpLayout(roster!))
        {
            throw new XunitException($"The parallel read found another layout: {DumpLayout(parallel)} against {DumpLayout(roster!)}");
        }

        return roster!;
    }

    /// <summary>
    /// Checks the reader's <see cref="RosterLayout"/> against the lists it describes: every grouping it
    /// gives must hold exactly each owner's elements, in list order.
    /// </summary>
    public static void AssertLayout(Roster roster)
    {
        var layout = roster.Layout ?? throw new XunitException("The reader attached no layout.");
        layout.Describes(roster).Should().BeTrue();
        AssertStarts(layout.CadreStarts, roster.Units, roster.Cadres, (unit, cadre) => unit.Id == cadre.UnitId, "cadres");
        AssertStarts(layout.EvidenceStarts, roster.Cadres, roster.Evidence, (cadre, e) => cadre.Id == e.CadreId, "evidence");
        AssertStarts(layout.GradeStarts, roster.Cadres, roster.AnnualGrades, (cadre, g) => cadre.Id == g.CadreId, "annualGrades");
        AssertStarts(layout.MeasureStarts, roster.Cadres, roster.Measures, (cadre, m) => cadre.Id == m.CadreId, "measures");
        AssertStarts(layout.BoardStarts, roster.Cadres, roster.BoardHistory, (cadre, b) => cadre.Id == b.CadreId, "boardHistory");
    }

    private static void AssertStarts<TOwner, T>(int[]? starts, IReadOnlyList<TOwner> owners, IReadOnlyList<T> items, Func<TOwner, T, bool> owns, string section)
    {
        if (starts is null)
        {
            return;
        }

        starts.Should().HaveCount(owners.Count + 1, section);
        starts[0].Should().Be(0, section);
        starts[^1].Should().Be(items.Count, section);
        for (int o = 0; o < owners.Count; o++)
        {
            starts[o + 1].Should().BeGreaterThanOrEqualTo(starts[o], section);
            for (int i = starts[o]; i < starts[o + 1]; i++)
            {
                if (!owns(owners[o], items[i]))
                {
                    throw new XunitException($"{section}[{i}] is in the group of owner {o}, which it does not belong to.");
                }
            }
        }
    }

    /// <summary>The layout as text: which sections are grouped, and how.</summary>
    public static string DumpLayout(Roster roster)
    {
        var layout = roster.Layout;
        static string Of(int[]? starts) => starts is null ? "-" : string.Join(",", starts);
        return layout is null ? "none" : string.Join(" | ", Of(layout.CadreStarts), Of(layout.EvidenceStarts), Of(layout.GradeStarts), Of(layout.MeasureStarts), Of(layout.BoardStarts));
    }

    /// <summary>A roster as a document, as <see cref="RosterWriter"/> writes it.</summary>
    public static byte[] Json(Roster roster, bool indented = false)
    {
        using var stream = new MemoryStream();
        RosterWriter.Write(roster, stream, indented);
        return stream.ToArray();
    }

    /// <summary>Reads through the parallel fast path whatever the size; <paramref name="sequential"/> tells whether it fell back.</summary>
    public static Roster ReadInParallel(byte[] json, int chunkBytes, out bool sequential) =>
        RosterReader.Read(new MemoryStream(json), initialBufferSize: 16, new ParallelReading(Workers: 2, chunkBytes), minimumParallelBytes: 0, out sequential);

    /// <summary>Reads a document that must be invalid and returns its errors.</summary>
    public static IReadOnlyList<RosterError> Errors(string json)
    {
        Action read = () => Read(json);
        return read.Should().ThrowExactly<RosterValidationException>().Which.Errors;
    }

    /// <summary>Reads a document that must have exactly one error and returns it.</summary>
    public static RosterError SingleError(string json)
    {
        var errors = Errors(json);
        errors.Should().ContainSingle(because: "the document has exactly one violation, but got: {0}", string.Join(" | ", errors));
        return errors[0];
    }

    /// <summary>A generated valid document of about <paramref name="cadres"/> × 250 bytes.</summary>
    public static string Generated(int cadres)
    {
        var json = new StringBuilder();
        json.Append("""{"schemaVersion":1,"period":"2024H2","units":[""");
        for (int u = 0; u < 10; u++)
        {
            json.Append(CultureInfo.InvariantCulture, $$"""{"id":"U-{{u}}","name":"单位{{u}}","kind":"County","projects":[{"id":"P-{{u}}","name":"工程","plannedProgress":0.{{u}},"actualProgress":0.0{{u}}}]}""");
            json.Append(u < 9 ? "," : "],\"cadres\":[");
        }

        for (int c = 0; c < cadres; c++)
        {
            json.Append(CultureInfo.InvariantCulture, $$"""{"id":"C-{{c}}","name":"干部{{c}}","unitId":"U-{{c % 10}}","rank":"Section","leadership":{{(c % 2 == 0 ? "true" : "false")}}}""");
            json.Append(c < cadres - 1 ? "," : "],\"evidence\":[");
        }

        for (int c = 0; c < cadres; c++)
        {
            json.Append(CultureInfo.InvariantCulture, $$"""{"id":"E-{{c}}","cadreId":"C-{{c}}","date":"2024-{{(c % 12) + 1:D2}}-1{{c % 10}}","channel":"Audit","kind":"WorkStyle","workStyle":"Lazy","severity":"Minor","status":"Verified"}""");
            json.Append(c < cadres - 1 ? "," : "]}");
        }

        return json.ToString();
    }

    /// <summary>A text dump of every field of a roster, to compare two rosters read differently.</summary>
    public static string Dump(Roster roster)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{roster.SchemaVersion} {roster.Period} {roster.AsOfOverride} {roster.AsOf}");
        foreach (var u in roster.Units)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"U {u.Id} {u.Name} {u.Kind} {u.UnderStationedInspection}");
            foreach (var i in u.Indicators)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  I {i.Name} {i.Year} {i.Value:R}");
            }

            foreach (var p in u.Projects)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  P {p.Id} {p.Name} {p.PlannedProgress} {p.ActualProgress} {p.Due}");
            }
        }

        foreach (var c in roster.Cadres)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"C {c.Id} {c.Name} {c.UnitId} {c.Rank} {c.Leadership} {c.CityManaged}");
        }

        foreach (var e in roster.Evidence)
        {
            string specific = e switch
            {
                WorkStyleEvidence w => $"{w.WorkStyle} {w.Severity} {w.Status}",
                NegativeListEvidence n => $"{n.Category} {n.Status}",
                KeyTaskEvidence k => $"{k.Task} {k.Rating}",
                AttitudeEvidence a => $"{a.Attitude}",
                _ => "?",
            };
            text.AppendLine(CultureInfo.InvariantCulture, $"E {e.Id} {e.CadreId} {e.Date} {e.Channel} {e.Kind} {specific}");
        }

        foreach (var g in roster.AnnualGrades)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"G {g.CadreId} {g.Year} {g.Grade}");
        }

        foreach (var m in roster.Measures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"M {m.Id} {m.CadreId} {m.Date} {m.Kind}");
        }

        foreach (var b in roster.BoardHistory)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"B {b.CadreId} {b.Period} {b.Board}");
        }

        return text.ToString();
    }
}

/// <summary>A stream that returns at most <c>chunk</c> bytes per read, like a slow network.</summary>
internal sealed class TricklingStream(byte[] data, int chunk) : Stream
{
    private int _position;

    public int Reads { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        Reads++;
        int n = Math.Min(Math.Min(chunk, buffer.Length), data.Length - _position);
        data.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
