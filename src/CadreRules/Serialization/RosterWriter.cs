using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CadreRules.Serialization;

/// <summary>
/// Writes a <see cref="Roster"/> as a roster document (ROSTER-FORMAT.md, schema version 1):
/// camelCase properties, canonical PascalCase enum values, <c>yyyy-MM-dd</c> dates, optional fields
/// only when they differ from their defaults. Streams with a <see cref="Utf8JsonWriter"/> and flushes
/// as it goes, so a million-cadre roster never sits in memory as text.
/// </summary>
public static class RosterWriter
{
    // Flushing at this size keeps the writer's buffer small without a flush per record.
    private const int FlushThreshold = 1 << 16;

    private static readonly JsonWriterOptions Compact = new()
    {
        // Names are Chinese: keep them readable instead of \uXXXX; the relaxed encoder still escapes
        // quotes, backslashes and control characters, which is all JSON requires.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
    };

    private static readonly JsonWriterOptions Pretty = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        SkipValidation = true,
        Indented = true,
    };

    /// <summary>Writes a roster document to a stream (UTF-8, no byte-order mark). The stream stays open.</summary>
    /// <param name="roster">The roster.</param>
    /// <param name="stream">The stream to write to.</param>
    /// <param name="indented">Whether to indent the JSON for people to read.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void Write(Roster roster, Stream stream, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, indented ? Pretty : Compact);
        WriteRoster(writer, roster);
        writer.Flush();
    }

    /// <summary>Writes a roster document to a file, replacing it if it exists.</summary>
    /// <param name="roster">The roster.</param>
    /// <param name="path">The file path.</param>
    /// <param name="indented">Whether to indent the JSON for people to read.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static void WriteFile(Roster roster, string path, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(roster);
        ArgumentNullException.ThrowIfNull(path);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 16);
        Write(roster, stream, indented);
    }

    private static void WriteRoster(Utf8JsonWriter w, Roster roster)
    {
        w.WriteStartObject();
        w.WriteNumber(Names.SchemaVersion, roster.SchemaVersion);
        WritePeriod(w, Names.Period, roster.Period);
        if (roster.AsOfOverride is { } asOf)
        {
            WriteDate(w, Names.AsOf, asOf);
        }

        w.WriteStartArray(Names.Units);
        foreach (var unit in roster.Units)
        {
            WriteUnit(w, unit);
            FlushIfFull(w);
        }

        w.WriteEndArray();

        w.WriteStartArray(Names.Cadres);
        foreach (var cadre in roster.Cadres)
        {
            w.WriteStartObject();
            w.WriteString(Names.Id, cadre.Id);
            w.WriteString(Names.Name, cadre.Name);
            w.WriteString(Names.UnitId, cadre.UnitId);
            w.WriteString(Names.Rank, EnumText<CadreRank>.Of(cadre.Rank));
            if (cadre.Leadership)
            {
                w.WriteBoolean(Names.Leadership, true);
            }

            if (cadre.CityManaged)
            {
                w.WriteBoolean(Names.CityManaged, true);
            }

            w.WriteEndObject();
            FlushIfFull(w);
        }

        w.WriteEndArray();

        w.WriteStartArray(Names.Evidence);
        foreach (var evidence in roster.Evidence)
        {
            WriteEvidence(w, evidence);
            FlushIfFull(w);
        }

        w.WriteEndArray();

        w.WriteStartArray(Names.AnnualGrades);
        foreach (var grade in roster.AnnualGrades)
        {
            w.WriteStartObject();
            w.WriteString(Names.CadreId, grade.CadreId);
            w.WriteNumber(Names.Year, grade.Year);
            w.WriteString(Names.Grade, EnumText<AnnualGradeLevel>.Of(grade.Grade));
            w.WriteEndObject();
            FlushIfFull(w);
        }

        w.WriteEndArray();

        w.WriteStartArray(Names.Measures);
        foreach (var measure in roster.Measures)
        {
            w.WriteStartObject();
            w.WriteString(Names.Id, measure.Id);
            w.WriteString(Names.CadreId, measure.CadreId);
            WriteDate(w, Names.Date, measure.Date);
            w.WriteString(Names.Kind, EnumText<MeasureKind>.Of(measure.Kind));
            w.WriteEndObject();
            FlushIfFull(w);
        }

        w.WriteEndArray();

        w.WriteStartArray(Names.BoardHistory);
        foreach (var placement in roster.BoardHistory)
        {
            w.WriteStartObject();
            w.WriteString(Names.CadreId, placement.CadreId);
            WritePeriod(w, Names.Period, placement.Period);
            w.WriteString(Names.Board, EnumText<Board>.Of(placement.Board));
            w.WriteEndObject();
            FlushIfFull(w);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteUnit(Utf8JsonWriter w, Unit unit)
    {
        w.WriteStartObject();
        w.WriteString(Names.Id, unit.Id);
        w.WriteString(Names.Name, unit.Name);
        w.WriteString(Names.Kind, EnumText<UnitKind>.Of(unit.Kind));
        if (unit.UnderStationedInspection)
        {
            w.WriteBoolean(Names.UnderStationedInspection, true);
        }

        if (unit.Indicators.Count > 0)
        {
            w.WriteStartArray(Names.Indicators);
            foreach (var indicator in unit.Indicators)
            {
                w.WriteStartObject();
                w.WriteString(Names.Name, indicator.Name);
                w.WriteNumber(Names.Year, indicator.Year);
                w.WriteNumber(Names.Value, indicator.Value);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        if (unit.Projects.Count > 0)
        {
            w.WriteStartArray(Names.Projects);
            foreach (var project in unit.Projects)
            {
                w.WriteStartObject();
                w.WriteString(Names.Id, project.Id);
                w.WriteString(Names.Name, project.Name);
                w.WriteNumber(Names.PlannedProgress, project.PlannedProgress);
                w.WriteNumber(Names.ActualProgress, project.ActualProgress);
                if (project.Due is { } due)
                {
                    WriteDate(w, Names.Due, due);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteEvidence(Utf8JsonWriter w, Evidence evidence)
    {
        w.WriteStartObject();
        w.WriteString(Names.Id, evidence.Id);
        w.WriteString(Names.CadreId, evidence.CadreId);
        WriteDate(w, Names.Date, evidence.Date);
        w.WriteString(Names.Channel, EnumText<EvidenceChannel>.Of(evidence.Channel));
        w.WriteString(Names.Kind, EnumText<EvidenceKind>.Of(evidence.Kind));
        switch (evidence)
        {
            case WorkStyleEvidence ws:
                w.WriteString(Names.WorkStyle, EnumText<WorkStyleProblem>.Of(ws.WorkStyle));
                w.WriteString(Names.Severity, EnumText<Severity>.Of(ws.Severity));
                w.WriteString(Names.Status, EnumText<FindingStatus>.Of(ws.Status));
                break;
            case NegativeListEvidence nl:
                w.WriteString(Names.Category, EnumText<NegativeListCategory>.Of(nl.Category));
                w.WriteString(Names.Status, EnumText<FindingStatus>.Of(nl.Status));
                break;
            case KeyTaskEvidence kt:
                w.WriteString(Names.Task, EnumText<KeyTaskKind>.Of(kt.Task));
                w.WriteString(Names.Rating, EnumText<KeyTaskRating>.Of(kt.Rating));
                break;
            case AttitudeEvidence at:
                w.WriteString(Names.Attitude, EnumText<AttitudeRating>.Of(at.Attitude));
                break;
            default:
                throw new ArgumentException($"Evidence '{evidence.Id}' is of an unknown kind ({evidence.GetType().Name}); ROSTER-FORMAT.md has WorkStyle, NegativeList, KeyTask and Attitude.", nameof(evidence));
        }

        w.WriteEndObject();
    }

    private static void WriteDate(Utf8JsonWriter w, JsonEncodedText name, DateOnly date)
    {
        Span<byte> buffer = stackalloc byte[10];
        date.TryFormat(buffer, out int written, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        w.WriteString(name, buffer[..written]);
    }

    private static void WritePeriod(Utf8JsonWriter w, JsonEncodedText name, AssessmentPeriod period)
    {
        Span<byte> buffer = stackalloc byte[6];
        period.Year.TryFormat(buffer, out _, "D4", CultureInfo.InvariantCulture);
        buffer[4] = (byte)'H';
        buffer[5] = (byte)('0' + (int)period.Half);
        w.WriteString(name, buffer);
    }

    private static void FlushIfFull(Utf8JsonWriter w)
    {
        if (w.BytesPending > FlushThreshold)
        {
            w.Flush();
        }
    }

    /// <summary>Canonical enum spellings, encoded once, indexed by value (every roster enum is int-backed and dense from 0).</summary>
    private static class EnumText<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly JsonEncodedText[] Values = Enum.GetValues<TEnum>().Select(v => JsonEncodedText.Encode(v.ToString())).ToArray();

        public static JsonEncodedText Of(TEnum value)
        {
            // Unsafe.As reads the int without boxing; Convert.ToInt32 would allocate per record.
            int index = Unsafe.As<TEnum, int>(ref value);
            return (uint)index < (uint)Values.Length
                ? Values[index]
                : throw new ArgumentOutOfRangeException(nameof(value), value, $"{value} is not a defined {typeof(TEnum).Name}.");
        }
    }

    private static class Names
    {
        public static readonly JsonEncodedText SchemaVersion = JsonEncodedText.Encode("schemaVersion");
        public static readonly JsonEncodedText Period = JsonEncodedText.Encode("period");
        public static readonly JsonEncodedText AsOf = JsonEncodedText.Encode("asOf");
        public static readonly JsonEncodedText Units = JsonEncodedText.Encode("units");
        public static readonly JsonEncodedText Cadres = JsonEncodedText.Encode("cadres");
        public static readonly JsonEncodedText Evidence = JsonEncodedText.Encode("evidence");
        public static readonly JsonEncodedText AnnualGrades = JsonEncodedText.Encode("annualGrades");
        public static readonly JsonEncodedText Measures = JsonEncodedText.Encode("measures");
        public static readonly JsonEncodedText BoardHistory = JsonEncodedText.Encode("boardHistory");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
        public static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
        public static readonly JsonEncodedText UnderStationedInspection = JsonEncodedText.Encode("underStationedInspection");
        public static readonly JsonEncodedText Indicators = JsonEncodedText.Encode("indicators");
        public static readonly JsonEncodedText Year = JsonEncodedText.Encode("year");
        public static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
        public static readonly JsonEncodedText Projects = JsonEncodedText.Encode("projects");
        public static readonly JsonEncodedText PlannedProgress = JsonEncodedText.Encode("plannedProgress");
        public static readonly JsonEncodedText ActualProgress = JsonEncodedText.Encode("actualProgress");
        public static readonly JsonEncodedText Due = JsonEncodedText.Encode("due");
        public static readonly JsonEncodedText UnitId = JsonEncodedText.Encode("unitId");
        public static readonly JsonEncodedText Rank = JsonEncodedText.Encode("rank");
        public static readonly JsonEncodedText Leadership = JsonEncodedText.Encode("leadership");
        public static readonly JsonEncodedText CityManaged = JsonEncodedText.Encode("cityManaged");
        public static readonly JsonEncodedText CadreId = JsonEncodedText.Encode("cadreId");
        public static readonly JsonEncodedText Date = JsonEncodedText.Encode("date");
        public static readonly JsonEncodedText Channel = JsonEncodedText.Encode("channel");
        public static readonly JsonEncodedText WorkStyle = JsonEncodedText.Encode("workStyle");
        public static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
        public static readonly JsonEncodedText Status = JsonEncodedText.Encode("status");
        public static readonly JsonEncodedText Category = JsonEncodedText.Encode("category");
        public static readonly JsonEncodedText Task = JsonEncodedText.Encode("task");
        public static readonly JsonEncodedText Rating = JsonEncodedText.Encode("rating");
        public static readonly JsonEncodedText Attitude = JsonEncodedText.Encode("attitude");
        public static readonly JsonEncodedText Grade = JsonEncodedText.Encode("grade");
        public static readonly JsonEncodedText Board = JsonEncodedText.Encode("board");
    }
}
