using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace CadreRules.Serialization;

/// <summary>
/// The single forward pass over a roster document (ROSTER-FORMAT.md) and the cross checks after it.
/// One instance reads one document; see <see cref="RosterReader"/> for the contract.
/// </summary>
/// <remarks>
/// Checks that need only what was read so far (value types, enum names, duplicate ids, references to
/// ids already seen) run during the pass, so for the usual order (units, cadres, then the rest) nothing
/// is kept for later. What may depend on later content — as-of, the period, ids defined further down —
/// is checked after the pass: built items straight from the result lists (their JSON index recovered
/// from the short list of elements that were not built), and the rare rest from small pending lists.
/// </remarks>
internal sealed partial class RosterParser
{
    // Collections, in document-section order; used to order cross-check errors and build their paths.
    private const int RootSection = 0;
    private const int UnitsSection = 1;
    private const int CadresSection = 2;
    private const int EvidenceSection = 3;
    private const int GradesSection = 4;
    private const int MeasuresSection = 5;
    private const int BoardSection = 6;

    private const string IdExpects = "a non-empty string id";
    private const string CadreRefExpects = "the id of a cadre in this document";
    private const string DateExpects = "a date string yyyy-MM-dd, not after as-of";
    // Names, periods and references up to this many bytes are looked up without allocating a string.
    private const int ShortString = 256;

    private const string PeriodExpects = "a period string YYYYH1 or YYYYH2, e.g. \"2024H2\"";

    private static readonly string[] SectionNames = ["", "units", "cadres", "evidence", "annualGrades", "measures", "boardHistory"];

    private static readonly string[] SectionElements =
        ["", "a unit object", "a cadre object", "an evidence object", "an annual-grade object", "a measure object", "a board-placement object"];

    private static readonly FieldSet RootFields = new(
        ("schemaVersion", "the number 1"),
        ("period", PeriodExpects),
        ("asOf", "a date string yyyy-MM-dd inside the period (optional; default: the period's last day)"),
        ("units", "an array of unit objects (optional)"),
        ("cadres", "an array of cadre objects (optional)"),
        ("evidence", "an array of evidence objects (optional)"),
        ("annualGrades", "an array of annual-grade objects (optional)"),
        ("measures", "an array of measure objects (optional)"),
        ("boardHistory", "an array of board-placement objects (optional)"));

    private static readonly FieldSet UnitFields = new(
        ("id", IdExpects),
        ("name", "a string"),
        ("kind", EnumTable<UnitKind>.Instance.Expected),
        ("underStationedInspection", "true or false (optional; default false)"),
        ("indicators", "an array of indicator objects (optional)"),
        ("projects", "an array of project objects (optional)"));

    private static readonly FieldSet IndicatorFields = new(
        ("name", "a non-empty string"),
        ("year", "an integer year, not after as-of's year"),
        ("value", "a finite number"));

    private static readonly FieldSet ProjectFields = new(
        ("id", IdExpects),
        ("name", "a string"),
        ("plannedProgress", "a number from 0 to 1"),
        ("actualProgress", "a number from 0 to 1"),
        ("due", "a date string yyyy-MM-dd or null (optional)"));

    private static readonly FieldSet CadreFields = new(
        ("id", IdExpects),
        ("name", "a string"),
        ("unitId", "the id of a unit in this document"),
        ("rank", EnumTable<CadreRank>.Instance.Expected),
        ("leadership", "true or false (optional; default false)"),
        ("cityManaged", "true or false (optional; default false)"));

    private static readonly FieldSet EvidenceFields = new(
        ("id", IdExpects),
        ("cadreId", CadreRefExpects),
        ("date", DateExpects),
        ("channel", EnumTable<EvidenceChannel>.Instance.Expected),
        ("kind", EnumTable<EvidenceKind>.Instance.Expected),
        ("workStyle", EnumTable<WorkStyleProblem>.Instance.Expected),
        ("severity", EnumTable<Severity>.Instance.Expected),
        ("status", EnumTable<FindingStatus>.Instance.Expected),
        ("category", EnumTable<NegativeListCategory>.Instance.Expected),
        ("task", EnumTable<KeyTaskKind>.Instance.Expected),
        ("rating", EnumTable<KeyTaskRating>.Instance.Expected),
        ("attitude", EnumTable<AttitudeRating>.Instance.Expected));

    private static readonly FieldSet GradeFields = new(
        ("cadreId", CadreRefExpects),
        ("year", "an integer year, not after as-of's year"),
        ("grade", EnumTable<AnnualGradeLevel>.Instance.Expected));

    private static readonly FieldSet MeasureFields = new(
        ("id", IdExpects),
        ("cadreId", CadreRefExpects),
        ("date", DateExpects),
        ("kind", EnumTable<MeasureKind>.Instance.Expected));

    private static readonly FieldSet BoardFields = new(
        ("cadreId", CadreRefExpects),
        ("period", "a period string YYYYH1 or YYYYH2, before the evaluated period"),
        ("board", EnumTable<Board>.Instance.Expected));

    // Evidence: bits of EvidenceFields. The first five are common; the rest depend on the kind.
    private const ulong EvidenceCommon = 0b1_1111;
    private const ulong EvidenceKindSpecific = 0b1111_1110_0000;

    private readonly List<RosterError> _errors = [];
    private readonly List<CrossError> _crossErrors = [];
    private readonly JsonPathStack _path = new();
    private readonly byte[] _scratch = new byte[128];
    private string _expects = string.Empty;

    private int? _schemaVersion;
    private AssessmentPeriod? _period;
    private DateOnly? _asOf;

    private readonly List<Unit> _units = [];
    private readonly List<Cadre> _cadres = [];
    private readonly EvidenceStore _evidence;
    private readonly GradeStore _grades;

    // The native memory of the evidence and grade rows, shared with the chunks' parsers.
    private readonly RowArena _arena;
    private readonly List<Measure> _measures = [];
    private readonly List<BoardPlacement> _board = [];

    // JSON indices of array elements that produced no item, per section (see remarks).
    private readonly List<int> _evidenceGaps = [];
    private readonly List<int> _gradeGaps = [];
    private readonly List<int> _measureGaps = [];
    private readonly List<int> _boardGaps = [];

    // Id spaces; the value locates the first use (evidence: index; measures: ~index).
    private readonly Dictionary<string, int> _unitIds;
    private readonly Dictionary<string, int> _cadreIds;
    private readonly Dictionary<string, int> _recordIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Unit, int Project)> _projectIds = new(StringComparer.Ordinal);

    // Generated rosters list record ids in ascending order, and grade and board keys grouped by cadre in
    // ascending cadre order. While they do, ids are distinct without a dictionary (millions of entries,
    // most of the reader's garbage) and a key is compared only with its cadre's few (SectionKeys); the
    // first id or key out of order fills the dictionary from the result lists and the keys of elements
    // that built nothing, and from then on the dictionary decides, with the same messages.
    private RecordId _lastRecordId;

    // The latest evidence and measure dates, grade year and board period read so far, kept as records
    // are added: the cross checks against as-of and the period (which may come after the sections)
    // then visit the millions of records only when one of them is late.
    private Latest _latest = Latest.None;
    private readonly List<(string Id, int Location)> _unbuiltRecordIds = [];
    private readonly SectionKeys _gradeKeys;
    private readonly SectionKeys _boardKeys;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _unitLookup;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _cadreLookup;
    private readonly LastReference _lastUnitReference = new();
    private readonly LastReference _lastCadreReference = new();

    // The units and cadres read so far, in order (a chunk's parser reads its parent's, read only), for
    // guessing that a reference names the unit or cadre after the previous one.
    private readonly List<Unit> _unitList;
    private readonly List<Cadre> _cadreList;

    // Whether cadre ids go into _cadreIds as they are read. A chunk of the cadres section leaves that
    // to its parent, whose merge puts every id into its own dictionary and finds any duplicate there.
    private readonly bool _keepsCadreIds = true;
    private readonly OwnerRuns _cadreRuns = new();
    private readonly OwnerRuns _evidenceRuns = new();
    private readonly OwnerRuns _gradeRuns = new();
    private readonly OwnerRuns _measureRuns = new();
    private readonly OwnerRuns _boardRuns = new();
    private readonly StringCache _names;

    private readonly List<PendingReference> _pendingReferences = [];
    private readonly List<PendingCheck> _pendingChecks = [];

    private RosterParser(ParallelReading? parallel)
        : this(parallel, new(StringComparer.Ordinal), new(StringComparer.Ordinal), new StringCache(), new RowArena())
    {
    }

    private RosterParser(ParallelReading? parallel, Dictionary<string, int> unitIds, Dictionary<string, int> cadreIds, StringCache names,
        RowArena arena, List<Unit>? unitList = null, List<Cadre>? cadreList = null)
    {
        _unitList = unitList ?? _units;
        _cadreList = cadreList ?? _cadres;
        _arena = arena;
        _evidence = new EvidenceStore(_cadreList, arena);
        _grades = new GradeStore(_cadreList, arena);
        _parallel = parallel;
        _unitIds = unitIds;
        _cadreIds = cadreIds;
        _names = names;
        _unitLookup = _unitIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _cadreLookup = _cadreIds.GetAlternateLookup<ReadOnlySpan<char>>();
        _gradeKeys = new(() => _grades.Count, _grades.KeyAt, _gradeGaps);
        _boardKeys = new(() => _board.Count, BoardKeyAt, _boardGaps);
    }

    /// <summary>The key of the board placement at list index <paramref name="index"/>: its cadre and its period's ordinal.</summary>
    private (string CadreId, int Number) BoardKeyAt(int index) => (_board[index].CadreId, PeriodOrdinal(_board[index].Period));

    /// <summary>An evidence or measure id as read: a string or a packed id (<see cref="PackedAscii"/>); default: none.</summary>
    private readonly struct RecordId
    {
        public readonly string? Text;
        public readonly ulong High;
        public readonly ulong Low;

        public RecordId(string text) => Text = text;

        public RecordId(ulong high, ulong low)
        {
            High = high;
            Low = low;
        }

        public bool IsNone => Text is null && (High | Low) == 0;

        public bool IsPacked => Text is null && (High | Low) != 0;

        public string? ToText() => Text ?? (IsPacked ? PackedAscii.Unpack(High, Low) : null);

        /// <summary>Ordinal order; none comes first.</summary>
        public static int Compare(in RecordId a, in RecordId b) =>
            a.IsPacked && b.IsPacked ? PackedAscii.Compare(a.High, a.Low, b.High, b.Low) : string.CompareOrdinal(a.ToText(), b.ToText());
    }

    private enum CheckKind
    {
        Date,
        Year,
        Period,
    }

    /// <summary>Reads one roster document.</summary>
    /// <param name="cursor">The token source, before the first token.</param>
    /// <returns>The roster.</returns>
    /// <exception cref="RosterValidationException">The document is invalid.</exception>
    public static Roster Parse(ref JsonCursor cursor) => new RosterParser(parallel: null).Run(ref cursor);

    /// <summary>
    /// Reads one roster document speculatively, with the cadres and record sections parsed in parallel (see
    /// <see cref="ReadSectionInParallel"/>). Only a document that reads without a single violation is
    /// returned; for anything else the caller reads it again with <see cref="Parse(ref JsonCursor)"/>,
    /// which reports the violations with their exact paths, lines and positions.
    /// </summary>
    /// <param name="cursor">The token source over a stream, before the first token.</param>
    /// <param name="parallel">How to read in parallel.</param>
    /// <returns>The roster.</returns>
    /// <exception cref="SpeculationFailedException">The document must be read again sequentially.</exception>
    public static Roster ParseInParallel(ref JsonCursor cursor, ParallelReading parallel) => new RosterParser(parallel).Run(ref cursor);

    private Roster Run(ref JsonCursor c)
    {
        try
        {
            ReadDocument(ref c);
        }
        catch (JsonException e)
        {
            // Nothing read so far can be trusted to mean what it seems: report the syntax error alone.
            throw _parallel is null
                ? new RosterValidationException([new RosterError(_path.ToString(), MalformedMessage(e))])
                : new SpeculationFailedException();
        }

        CrossCheck();
        if (_errors.Count > 0)
        {
            throw _parallel is null ? new RosterValidationException(_errors) : new SpeculationFailedException();
        }

        _evidence.Seal();
        _grades.Seal();
        _arena.ReportToCollector();
        var roster = new Roster
        {
            SchemaVersion = _schemaVersion!.Value,
            Period = _period!.Value,
            AsOfOverride = _asOf,
            Units = _units,
            Cadres = _cadres,
            Evidence = _evidence.AsReadOnlyList(),
            AnnualGrades = _grades.AsReadOnlyList(),
            Measures = _measures,
            BoardHistory = _board,
        };

        // A valid document built every element, so JSON indexes are list indexes.
        roster.Layout = new RosterLayout(
            roster,
            _cadreRuns.Starts(_units.Count, _cadres.Count),
            _evidenceRuns.Starts(_cadres.Count, _evidence.Count),
            _gradeRuns.Starts(_cadres.Count, _grades.Count),
            _measureRuns.Starts(_cadres.Count, _measures.Count),
            _boardRuns.Starts(_cadres.Count, _board.Count));
        return roster;
    }

    private static string MalformedMessage(JsonException e)
    {
        string reason = e.Message;
        int suffix = reason.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (suffix >= 0)
        {
            reason = reason[..suffix];
        }

        string where = e.LineNumber is { } line && e.BytePositionInLine is { } position
            ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, byte {position + 1} of the line")
            : string.Empty;
        return $"malformed JSON{where}: {reason.TrimEnd()} Expected a well-formed JSON document (no comments, no trailing commas).";
    }

    // ---- document -------------------------------------------------------------------------------

    private void ReadDocument(ref JsonCursor c)
    {
        Advance(ref c);
        if (c.TokenType != JsonTokenType.StartObject)
        {
            _expects = "a JSON object (the roster document)";
            WrongType(ref c);
        }
        else
        {
            ReadRoot(ref c);
        }

        // Reaching the end lets the reader reject anything after the document.
        if (c.Read())
        {
            throw new JsonException("Unexpected content after the document.");
        }
    }

    private void ReadRoot(ref JsonCursor c)
    {
        ulong seen = 0;
        while (NextProperty(ref c))
        {
            int field = BeginProperty(ref c, RootFields, ref seen);
            switch (field)
            {
                case 0:
                    ReadSchemaVersion(ref c);
                    break;
                case 1:
                    _period = ReadPeriod(ref c);
                    break;
                case 2:
                    _asOf = ReadDate(ref c, allowNull: false);
                    break;
                case >= 3 and <= 8:
                    ReadSection(ref c, field - 2);
                    break;
                default:
                    SkipValue(ref c);
                    break;
            }

            _path.Pop();
        }

        ReportMissing(seen, 0b11, RootFields);
    }

    private void ReadSchemaVersion(ref JsonCursor c)
    {
        if (c.TokenType != JsonTokenType.Number)
        {
            WrongType(ref c);
            return;
        }

        if (c.Reader.TryGetInt32(out int version) && version == Roster.CurrentSchemaVersion)
        {
            _schemaVersion = version;
        }
        else
        {
            Error($"unsupported schemaVersion {RawText(ref c.Reader)}; expected 1 (this library reads schema version 1 only)");
        }
    }

    private void ReadSection(ref JsonCursor c, int section)
    {
        if (c.TokenType != JsonTokenType.StartArray)
        {
            WrongType(ref c);
            return;
        }

        RunsOf(section)?.Begin(section == CadresSection ? _unitIds.Count : _cadreIds.Count);

        // Records are read in parallel once they can resolve their cadres, and cadres once their units.
        bool parallel = section >= EvidenceSection ? _cadreIds.Count > 0 : section == CadresSection && _unitIds.Count > 0 && _cadreIds.Count == 0;
        if (_parallel is not null && parallel && c.ReadsStream)
        {
            ReadSectionInParallel(ref c, section);
            return;
        }

        ReadElements(ref c, section, firstIndex: 0);
    }

    /// <summary>Reads the elements of a section up to its end; returns how many there were.</summary>
    private int ReadElements(ref JsonCursor c, int section, int firstIndex)
    {
        for (int index = firstIndex; ; index++)
        {
            Advance(ref c);
            if (c.TokenType == JsonTokenType.EndArray)
            {
                return index - firstIndex;
            }

            _path.PushIndex(index);
            bool built = false;
            if (c.TokenType != JsonTokenType.StartObject)
            {
                _expects = SectionElements[section];
                WrongType(ref c);
            }
            else
            {
                built = section switch
                {
                    UnitsSection => ReadUnit(ref c, index),
                    CadresSection => ReadCadre(ref c, index),
                    EvidenceSection => ReadEvidence(ref c, index),
                    GradesSection => ReadGrade(ref c, index),
                    MeasuresSection => ReadMeasure(ref c, index),
                    _ => ReadBoardPlacement(ref c, index),
                };
            }

            if (!built)
            {
                GapsOf(section)?.Add(index);
            }

            _path.Pop();
        }
    }

    private OwnerRuns? RunsOf(int section) => section switch
    {
        CadresSection => _cadreRuns,
        EvidenceSection => _evidenceRuns,
        GradesSection => _gradeRuns,
        MeasuresSection => _measureRuns,
        BoardSection => _boardRuns,
        _ => null,
    };

    private List<int>? GapsOf(int section) => section switch
    {
        EvidenceSection => _evidenceGaps,
        GradesSection => _gradeGaps,
        MeasuresSection => _measureGaps,
        BoardSection => _boardGaps,
        _ => null,
    };

    // ---- units ----------------------------------------------------------------------------------

    private bool ReadUnit(ref JsonCursor c, int index)
    {
        ulong seen = 0;
        string? id = null;
        string? name = null;
        UnitKind? kind = null;
        bool? inspection = null;
        List<Indicator>? indicators = null;
        List<KeyProject>? projects = null;
        while (NextProperty(ref c))
        {
            switch (BeginProperty(ref c, UnitFields, ref seen))
            {
                case 0:
                    id = ReadId(ref c);
                    if (id is not null && !_unitIds.TryAdd(id, index))
                    {
                        Error($"duplicate unit id '{id}' (first used at $.units[{_unitIds[id]}].id); expected unit ids to be unique");
                    }

                    break;
                case 1:
                    name = ReadRepeated(ref c);
                    break;
                case 2:
                    kind = ReadEnum<UnitKind>(ref c, "unit kind");
                    break;
                case 3:
                    inspection = ReadBoolean(ref c);
                    break;
                case 4:
                    indicators = ReadIndicators(ref c, index);
                    break;
                case 5:
                    projects = ReadProjects(ref c, index);
                    break;
                default:
                    SkipValue(ref c);
                    break;
            }

            _path.Pop();
        }

        ReportMissing(seen, 0b111, UnitFields);
        if (id is null || name is null || kind is null)
        {
            return false;
        }

        _units.Add(new Unit
        {
            Id = id,
            Name = name,
            Kind = kind.Value,
            UnderStationedInspection = inspection ?? false,
            Indicators = indicators ?? [],
            Projects = projects ?? [],
        });
        return true;
    }

    private List<Indicator>? ReadIndicators(ref JsonCursor c, int unit)
    {
        if (c.TokenType != JsonTokenType.StartArray)
        {
            WrongType(ref c);
            return null;
        }

        var list = new List<Indicator>();
        Dictionary<(string Name, int Year), int>? keys = null;
        for (int index = 0; ; index++)
        {
            Advance(ref c);
            if (c.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            _path.PushIndex(index);
            if (c.TokenType != JsonTokenType.StartObject)
            {
                _expects = "an indicator object";
                WrongType(ref c);
            }
            else if (ReadIndicator(ref c, unit, index, ref keys) is { } indicator)
            {
                list.Add(indicator);
            }

            _path.Pop();
        }
    }

    private Indicator? ReadIndicator(ref JsonCursor c, int unit, int index, ref Dictionary<(string Name, int Year), int>? keys)
    {
        ulong seen = 0;
        string? name = null;
        int? year = null;
        double? value = null;
        while (NextProperty(ref c))
        {
            switch (BeginProperty(ref c, IndicatorFields, ref seen))
            {
                case 0:
                    name = ReadRepeated(ref c, nonBlank: true);
                    break;
                case 1:
                    year = ReadInt32(ref c);
                    if (year is { } y)
                    {
                        _pendingChecks.Add(new(UnitsSection, unit, index + 1, 1, CheckKind.Year, y));
                    }

                    break;
                case 2:
                    value = ReadFiniteDouble(ref c);
                    break;
                default:
                    SkipValue(ref c);
                    break;
            }

            _path.Pop();
        }

        ReportMissing(seen, 0b111, IndicatorFields);
        if (name is not null && year is not null)
        {
            keys ??= [];
            if (!keys.TryAdd((name, year.Value), index))
            {
                Error(string.Create(
                    CultureInfo.InvariantCulture,
                    $"duplicate indicator '{name}' for year {year} in this unit (first at $.units[{unit}].indicators[{keys[(name, year.Value)]}]); expected one value per indicator and year"));
            }
        }

        return name is null || year is null || value is null
            ? null
            : new Indicator { Name = name, Year = year.Value, Value = value.Value };
    }

    private List<KeyProject>? ReadProjects(ref JsonCursor c, int unit)
    {
        if (c.TokenType != JsonTokenType.StartArray)
        {
            WrongType(ref c);
            return null;
        }

        var list = new List<KeyProject>();
        for (int index = 0; ; index++)
        {
            Advance(ref c);
            if (c.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            _path.PushIndex(index);
            if (c.TokenType != JsonTokenType.StartObject)
            {
                _expects = "a project object";
                WrongType(ref c);
            }
            else if (ReadProject(ref c, unit, index) is { } project)
            {
                list.Add(project);
            }

            _path.Pop();
        }
    }

    private KeyProject? ReadProject(ref JsonCursor c, int unit, int index)
    {
        ulong seen = 0;
        string? id = null;
        string? name = null;
        decimal? planned = null;
        decimal? actual = null;
        DateOnly? due = null;
        while (NextProperty(ref c))
        {
            switch (BeginProperty(ref c, ProjectFields, ref seen))
            {
                case 0:
                    id = ReadId(ref c);
                    if (id is not null && !_projectIds.TryAdd(id, (unit, index)))
                    {
                        var first = _projectIds[id];
                        Error($"duplicate project id '{id}' (first used at $.units[{first.Unit}].projects[{first.Project}].id); expected project ids to be unique across all units");
                    }

                    break;
                case 1:
                    name = ReadRepeated(ref c);
                    break;
                case 2:
                    planned = ReadProgress(ref c);
                    break;
                case 3:
                    actual = ReadProgress(ref c);
                    break;
                case 4:
                    due = ReadDate(ref c, allowNull: true);
                    break;
                default:
                    SkipValue(ref c);
                    break;
            }

            _path.Pop();
        }

        ReportMissing(seen, 0b1111, ProjectFields);
        return id is null || name is null || planned is null || actual is null
            ? null
            : new KeyProject { Id = id, Name = name, PlannedProgress = planned.Value, ActualProgress = actual.Value, Due = due };
    }

    // ---- cadres ---------------------------------------------------------------------------------

    private bool ReadCadre(ref JsonCursor c, int index)
    {
        ulong seen = 0;
        int owner = -1;
        string? id = null;
        string? name = null;
        string? unitId = null;
        CadreRank? rank = null;
        bool? leadership = null;
        bool? cityManaged = null;
        while (NextProperty(ref c))
        {
            switch (BeginProperty(ref c, CadreFields, ref seen))
            {
                case 0:
                    id = ReadId(ref c);
                    if (id is not null && _keepsCadreIds && !_cadreIds.TryAdd(id, index))
                    {
                        Error($"duplicate cadre id '{id}' (first used at $.cadres[{_cadreIds[id]}].id); expected cadre ids to be unique");
                    }

                    break;
                case 1:
                    name = ReadRepeated(ref c);
                    break;
                case 2:
                    unitId = ReadReference(ref c, _unitLookup, _lastUnitReference, CadresSection, index, 2, out owner);
                    break;
                case 3:
                    rank = ReadEnum<CadreRank>(ref c, "rank");
                    break;
                case 4:
                    leadership = ReadBoolean(ref c);
                    break;
                case 5:
                    cityManaged = ReadBoolean(ref c);
                    break;
                default:
                    SkipValue(ref c);
                    break;
            }

            _path.Pop();
        }

        ReportMissing(seen, 0b1111, CadreFields);
        if (id is null || name is null || unitId is null || rank is null)
        {
            return false;
        }

        _cadres.Add(new Cadre
        {
            Id = id,
            Name = name,
            UnitId = unitId,
            Rank = rank.Value,
            Leadership = leadership ?? false,
            CityManaged = cityManaged ?? false,
        });
        _cadreRuns.Add(owner);
        return true;
    }

    // ---- evidence -------------------------------------------------------------------------------

    private bool ReadEvidence(ref JsonCursor c, int index)
    {
        ulong seen = 0;
        int owner = -1;
        RecordId id = default;
        string? cadreId = null;
        DateOnly? date = null;
        EvidenceChannel? channel = null;
        EvidenceKind? kind = null;
        WorkStyleProblem? workStyle = null;
        Severity? severity = null;
        FindingStatus? status = null;
        NegativeListCategory? category = null;
        KeyTaskKind? task = null;
        KeyTaskRating? rating = null;
        AttitudeRating? attitude = null;

        // Kind-specific values are parsed as they come (each property has one value type whatever the
        // kind); whether they belong to the kind is decided at the end, since "kind" may come last.
        while (NextProperty(ref c))
        {
            switch (BeginProperty(ref c, EvidenceFields, ref seen))
            {
                case 0:
                    id = ReadRecordId(ref c, index, pack: true);
                    break;
                case 1:
                    cadreId = ReadReference(ref c, _cadreLookup, _lastCadreReference, EvidenceSection, index, 1, out owner);
                    break;
                case 2:
                    date = ReadDate(ref c, allowNull: false);
                    break;
                case 3:
                    channel = ReadEnum<EvidenceChannel>(ref c, "channel");
                    break;
                case 4:
                    kind = ReadEnum<EvidenceKind>(ref c, "evidence kind");
                    break;
                case 5:
                    workStyle = ReadEnum<WorkStyleProblem>(ref c, "work-style problem");
                    break;
                case 6:
                    severity = ReadEnum<Severity>(ref c, "severity");
                    break;
                case 7:
                    status = ReadEnum<FindingStatus>(ref c, "status");
                    break;
                case 8:
                    category = ReadEnum<NegativeListCategory>(ref c, "negative-list category");
                    break;
                case 9:
                    task = ReadEnum<KeyTaskKind>(ref c, "key task");
                    break;
                case 10:
                    rating = ReadEnum<KeyTaskRating>(ref c, "rating");
                    break;
                case 11:
                    attitude = ReadEnum<AttitudeRating>(ref c, "attitude");
                    break;
                default:
                    SkipValue(ref c);
                    break;
            }

            _path.Pop();
        }

        ReportMissing(seen, EvidenceCommon, EvidenceFields);
        if (kind is { } k)
        {
            ulong own = OwnFields(k);
            ulong foreign = seen & EvidenceKindSpecific & ~own;
            for (int bit = 0; bit < EvidenceFields.Names.Length; bit++)
            {
                string name = EvidenceFields.Names[bit];
                if ((foreign & (1UL << bit)) != 0)
                {
                    // Built only for the error: a valid record must not pay for the list of names.
                    Error(_path.With(name), $"property '{name}' does not belong to evidence of kind {k}; expected only the common properties and {NamesOf(own, EvidenceFields)}");
                }
                else if ((own & ~seen & (1UL << bit)) != 0)
                {
                    Error(_path.With(name), $"missing property '{name}', required for evidence of kind {k}; expected {EvidenceFields.Expects[bit]}");
                }
            }
        }

        if (id.IsNone || cadreId is null || date is null || channel is null || kind is null)
        {
            if (date is { } d)
            {
                _pendingChecks.Add(new(EvidenceSection, index, 0, 2, CheckKind.Date, d.DayNumber));
            }

            NoteUnbuiltRecord(id.ToText(), index);
            return false;
        }

        Evidence? evidence = NewEvidence(id.Text, cadreId, date.Value, channel.Value, kind.Value, workStyle, severity, status, category, task, rating, attitude);

        if (evidence is null)
        {
            _pendingChecks.Add(new(EvidenceSection, index, 0, 2, CheckKind.Date, date.Value.DayNumber));
            NoteUnbuiltRecord(id.ToText(), index);
            return false;
        }

        if (id.IsPacked)
        {
            evidence.SetPackedId(id.High, id.Low);
        }

        AddEvidence(evidence, owner);
        return true;
    }

    /// <summary>
    /// The evidence of a kind from its values, or <see langword="null"/> when a value its kind requires is
    /// missing. <paramref name="id"/> is <see langword="null"/> for a packed id, set afterwards.
    /// </summary>
    private static Evidence? NewEvidence(
        string? id,
        string cadreId,
        DateOnly date,
        EvidenceChannel channel,
        EvidenceKind kind,
        WorkStyleProblem? workStyle,
        Severity? severity,
        FindingStatus? status,
        NegativeListCategory? category,
        KeyTaskKind? task,
        KeyTaskRating? rating,
        AttitudeRating? attitude) => kind switch
    {
        EvidenceKind.WorkStyle when workStyle is not null && severity is not null && status is not null => new WorkStyleEvidence
        {
            Id = id!, CadreId = cadreId, Date = date, Channel = channel,
            WorkStyle = workStyle.Value, Severity = severity.Value, Status = status.Value,
        },
        EvidenceKind.NegativeList when category is not null && status is not null => new NegativeListEvidence
        {
            Id = id!, CadreId = cadreId, Date = date, Channel = channel,
            Category = category.Value, Status = status.Value,
        },
        EvidenceKind.KeyTask when task is not null && rating is not null => new KeyTaskEvidence
        {
            Id = id!, CadreId = cadreId, Date = date, Channel = channel,
            Task = task.Value, Rating = rating.Value,
        },
        EvidenceKind.Attitude when attitude is not null => new AttitudeEvidence
        {
            Id = id!, CadreId = cadreId, Date = date, Channel = channel,
            Attitude = attitude.Value,
        },
        _ => null,
    };

    private static ulong Bits(params ReadOnlySpan<int> bits)
    {
        ulong mask = 0;
        foreach (int bit in bits)
        {
            mask |= 1UL << bit;
        }

        return mask;
    }

    private static string NamesOf(ulong mask, FieldSet fields)
    {
        var names = new List<string>();
        for (int bit = 0; bit < fields.Names.Length; bit++)
        {
            if ((mask & (1UL << bit)) != 0)
            {
                names.Add(fields.Names[bit]);
            }
        }

        return string.Join(", ", names);
    }

    // ---- history --------------------------------------------------------------------------------

    private bool ReadGrade(ref JsonCursor c, int index)
    {
        ulong seen = 0;
        int owner = -1;
        string? cadreId = null;
        int? year = null;
        AnnualGradeLevel? grade = null;
        while (NextProperty(ref c))
        {
            switch (BeginProperty(ref c, GradeFields, ref seen))
            {
                case 0:
                    cadreId = ReadReference(ref c, _cadreLookup, _lastCadreReference, GradesSection, index, 0, out owner);
                    break;
                case 1:
                    year = ReadInt32(ref c);
                    break;
                case 2:
                    grade = ReadEnum<AnnualGradeLevel>(ref c, "grade");
                    break;
                default:
                    SkipValue(ref c);
                    break;
            }

            _path.Pop();
        }

        ReportMissing(seen, 0b111, GradeFields);
        if (cadreId is not null && year is { } y && !_gradeKeys.IsNew(cadreId, y, index))
        {
            Error(string.Create(
                CultureInfo.InvariantCulture,
                $"duplicate annual grade for cadre '{cadreId}' and year {y} (first at $.annualGrades[{_gradeKeys.FirstIndexOf(cadreId, y)}]); expected one grade per cadre and year"));
        }

        if (cadreId is null || year is null || grade is null)
        {
            if (year is { } pendingYear)
            {
                _pendingChecks.Add(new(GradesSection, index, 0, 1, CheckKind.Year, pendingYear));
                if (cadreId is not null)
                {
                    _gradeKeys.NoteUnbuilt(cadreId, pendingYear, index);
                }
            }

            return false;
        }

        AddGrade(cadreId, year.Value, grade.Value, owner);
        return true;
    }

    private bool ReadMeasure(ref JsonCursor c, int index)
    {
        ulong seen = 0;
        int owner = -1;
        string? id = null;
        string? cadreId = null;
        DateOnly? date = null;
        MeasureKind? kind = null;
        while (NextProperty(ref c))
        {
            switch (BeginProperty(ref c, MeasureFields, ref seen))
            {
                case 0:
                    id = ReadRecordId(ref c, ~index, pack: false).Text;
                    break;
                case 1:
                    cadreId = ReadReference(ref c, _cadreLookup, _lastCadreReference, MeasuresSection, index, 1, out owner);
                    break;
                case 2:
                    date = ReadDate(ref c, allowNull: false);
                    break;
                case 3:
                    kind = ReadEnum<MeasureKind>(ref c, "measure kind");
                    break;
                default:
                    SkipValue(ref c);
                    break;
            }

            _path.Pop();
        }

        ReportMissing(seen, 0b1111, MeasureFields);
        if (id is null || cadreId is null || date is null || kind is null)
        {
            if (date is { } d)
            {
                _pendingChecks.Add(new(MeasuresSection, index, 0, 2, CheckKind.Date, d.DayNumber));
            }

            NoteUnbuiltRecord(id, ~index);
            return false;
        }

        _measures.Add(new Measure { Id = id, CadreId = cadreId, Date = date.Value, Kind = kind.Value });
        _measureRuns.Add(owner);
        _latest.NoteMeasure(date.Value);
        return true;
    }

    private bool ReadBoardPlacement(ref JsonCursor c, int index)
    {
        ulong seen = 0;
        int owner = -1;
        string? cadreId = null;
        AssessmentPeriod? period = null;
        Board? board = null;
        while (NextProperty(ref c))
        {
            switch (BeginProperty(ref c, BoardFields, ref seen))
            {
                case 0:
                    cadreId = ReadReference(ref c, _cadreLookup, _lastCadreReference, BoardSection, index, 0, out owner);
                    break;
                case 1:
                    period = ReadPeriod(ref c);
                    break;
                case 2:
                    board = ReadEnum<Board>(ref c, "board");
                    break;
                default:
                    SkipValue(ref c);
                    break;
            }

            _path.Pop();
        }

        ReportMissing(seen, 0b111, BoardFields);
        if (cadreId is not null && period is { } p && !_boardKeys.IsNew(cadreId, PeriodOrdinal(p), index))
        {
            Error($"duplicate board placement for cadre '{cadreId}' in period {p} (first at $.boardHistory[{_boardKeys.FirstIndexOf(cadreId, PeriodOrdinal(p))}]); expected one placement per cadre and period");
        }

        if (cadreId is null || period is null || board is null)
        {
            if (period is { } pending)
            {
                _pendingChecks.Add(new(BoardSection, index, 0, 1, CheckKind.Period, PeriodOrdinal(pending)));
                if (cadreId is not null)
                {
                    _boardKeys.NoteUnbuilt(cadreId, PeriodOrdinal(pending), index);
                }
            }

            return false;
        }

        AddPlacement(cadreId, period.Value, board.Value, owner);
        return true;
    }

    /// <summary>
    /// The (cadre id, number) keys of one section's elements (annual grades: the year; board placements:
    /// the period's ordinal), checked for duplicates. While the keys come grouped by cadre, cadres in
    /// ascending id order and each cadre's numbers in any order, a key is compared only with its own
    /// cadre's; the first key that breaks the grouping fills a dictionary from the section's results
    /// (located through its gaps) and the keys of elements that built nothing, and from then on the
    /// dictionary decides.
    /// </summary>
    /// <param name="count">The number of results so far.</param>
    /// <param name="keyOf">The key of the result at a list index.</param>
    /// <param name="gaps">The section's gaps (JSON indices of elements that built nothing).</param>
    private sealed class SectionKeys(Func<int> count, Func<int, (string CadreId, int Number)> keyOf, List<int> gaps)
    {
        private readonly List<(string CadreId, int Number, int Index)> _unbuilt = [];

        // The numbers of the last cadre's keys, and of the first cadre's (a chunk's parser keeps those
        // for the merge, where the first cadre of a chunk may be the last of the chunk before).
        private readonly List<int> _run = [];
        private readonly List<int> _leading = [];
        private bool _inLeadingRun = true;

        // A cadre's keys are compared one by one: a cadre with more than this many goes to the dictionary,
        // so that a document with thousands of grades for one cadre does not cost their square.
        private const int MaxRun = 32;

        /// <summary>Gets the keys by first JSON index; empty while the keys come grouped.</summary>
        public Dictionary<(string CadreId, int Number), int> Seen { get; } = [];

        /// <summary>Gets whether the keys so far came grouped by cadre, in ascending cadre order.</summary>
        public bool Grouped => Seen.Count == 0;

        /// <summary>Gets the first key's cadre id, or <see langword="null"/> before any key.</summary>
        public string? FirstCadreId { get; private set; }

        /// <summary>Gets the last key's cadre id while the keys come grouped.</summary>
        public string? LastCadreId { get; private set; }

        /// <summary>Records a key; <see langword="false"/> when an earlier element has it (<see cref="FirstIndexOf"/> says which).</summary>
        public bool IsNew(string cadreId, int number, int index)
        {
            if (Seen.Count == 0)
            {
                int order = LastCadreId is null ? 1 : string.CompareOrdinal(cadreId, LastCadreId);
                if (order > 0)
                {
                    _inLeadingRun = LastCadreId is null;
                    FirstCadreId ??= cadreId;
                    LastCadreId = cadreId;
                    _run.Clear();
                }

                if (order >= 0 && _run.Count < MaxRun && !_run.Contains(number))
                {
                    _run.Add(number);
                    if (_inLeadingRun)
                    {
                        _leading.Add(number);
                    }

                    return true;
                }

                int gap = 0;
                for (int i = 0, n = count(); i < n; i++)
                {
                    Seen.Add(keyOf(i), JsonIndex(i, gaps, ref gap));
                }

                foreach (var (unbuiltCadreId, unbuiltNumber, unbuiltIndex) in _unbuilt)
                {
                    Seen.Add((unbuiltCadreId, unbuiltNumber), unbuiltIndex);
                }

                _unbuilt.Clear();
            }

            return Seen.TryAdd((cadreId, number), index);
        }

        /// <summary>Keeps the key of an element that built nothing (after <see cref="IsNew"/>), for a later fill.</summary>
        public void NoteUnbuilt(string cadreId, int number, int index)
        {
            if (Seen.Count == 0)
            {
                _unbuilt.Add((cadreId, number, index));
            }
        }

        /// <summary>The JSON index of the first element with a key <see cref="IsNew"/> found taken.</summary>
        public int FirstIndexOf(string cadreId, int number) => Seen[(cadreId, number)];

        /// <summary>
        /// Takes the keys of <paramref name="next"/> (a chunk's parser, read after this one's keys) as if read
        /// here; <see langword="false"/> when together they are not grouped, and then this one's grouping
        /// state is left as it is, for the caller to fill <see cref="Seen"/>.
        /// </summary>
        public bool Follow(SectionKeys next)
        {
            if (!next.Grouped || next.FirstCadreId is null)
            {
                return next.Grouped;
            }

            int order = LastCadreId is null ? 1 : string.CompareOrdinal(next.FirstCadreId, LastCadreId);
            if (order < 0 || (order == 0 && (_run.Count + next._leading.Count > MaxRun || next._leading.Exists(_run.Contains))))
            {
                return false;
            }

            bool oneCadre = string.Equals(next.FirstCadreId, next.LastCadreId, StringComparison.Ordinal);
            if (order > 0 || !oneCadre)
            {
                _run.Clear();
            }

            _run.AddRange(oneCadre ? next._leading : next._run);
            FirstCadreId ??= next.FirstCadreId;
            LastCadreId = next.LastCadreId;
            _inLeadingRun = false;
            return true;
        }
    }

    private static int PeriodOrdinal(AssessmentPeriod period) => (period.Year * 2) + (int)period.Half - 1;

    private static AssessmentPeriod PeriodFromOrdinal(int ordinal) => new(ordinal / 2, (PeriodHalf)((ordinal % 2) + 1));

    // ---- cross checks ---------------------------------------------------------------------------

    private void CrossCheck()
    {
        if (_asOf is { } explicitAsOf && _period is { } evaluated && !evaluated.Contains(explicitAsOf))
        {
            AddCross(RootSection, 0, 0, 2, "$.asOf", $"as-of {Format(explicitAsOf)} is outside the period {evaluated} ({Format(evaluated.Start)} to {Format(evaluated.End)}); expected a date inside the period");
        }

        foreach (var pending in _pendingReferences)
        {
            bool known = pending.Section == CadresSection ? _unitIds.ContainsKey(pending.Id) : _cadreIds.ContainsKey(pending.Id);
            if (!known)
            {
                AddCross(pending.Section, pending.Index, 0, pending.Field, SectionPath(pending.Section, pending.Index, pending.Section == CadresSection ? "unitId" : "cadreId"), UnknownReference(pending.Section, pending.Id));
            }
        }

        if ((_asOf ?? _period?.End) is { } asOf)
        {
            string asOfText = _asOf is null ? $"{Format(asOf)} (the last day of the period)" : Format(asOf);
            int gap = 0;
            for (int i = 0; _latest.Evidence > asOf && i < _evidence.Count; i++)
            {
                int index = JsonIndex(i, _evidenceGaps, ref gap);
                if (_evidence.DateAt(i) > asOf)
                {
                    DateAfterAsOf(EvidenceSection, index, _evidence.DateAt(i), asOfText);
                }
            }

            gap = 0;
            for (int i = 0; _latest.Measure > asOf && i < _measures.Count; i++)
            {
                int index = JsonIndex(i, _measureGaps, ref gap);
                if (_measures[i].Date > asOf)
                {
                    DateAfterAsOf(MeasuresSection, index, _measures[i].Date, asOfText);
                }
            }

            gap = 0;
            for (int i = 0; _latest.GradeYear > asOf.Year && i < _grades.Count; i++)
            {
                int index = JsonIndex(i, _gradeGaps, ref gap);
                if (_grades.YearAt(i) > asOf.Year)
                {
                    YearAfterAsOf(GradesSection, index, 0, _grades.YearAt(i), asOf);
                }
            }

            foreach (var check in _pendingChecks)
            {
                if (check.Kind == CheckKind.Date && DateOnly.FromDayNumber(check.Value) > asOf)
                {
                    DateAfterAsOf(check.Section, check.Index, DateOnly.FromDayNumber(check.Value), asOfText);
                }
                else if (check.Kind == CheckKind.Year && check.Value > asOf.Year)
                {
                    YearAfterAsOf(check.Section, check.Index, check.Sub, check.Value, asOf);
                }
            }
        }

        if (_period is { } period)
        {
            int gap = 0;
            for (int i = 0; _latest.Placement >= PeriodOrdinal(period) && i < _board.Count; i++)
            {
                int index = JsonIndex(i, _boardGaps, ref gap);
                if (_board[i].Period >= period)
                {
                    PlacementNotBefore(index, _board[i].Period, period);
                }
            }

            foreach (var check in _pendingChecks)
            {
                if (check.Kind == CheckKind.Period && PeriodFromOrdinal(check.Value) >= period)
                {
                    PlacementNotBefore(check.Index, PeriodFromOrdinal(check.Value), period);
                }
            }
        }

        _crossErrors.Sort();
        foreach (var cross in _crossErrors)
        {
            _errors.Add(cross.Error);
        }
    }

    // A built record goes into its section's list, its owner run and the section's latest value
    // together, whichever path (plain or full) read it.
    private void AddEvidence(Evidence evidence, int owner)
    {
        _evidence.Add(evidence);
        _evidenceRuns.Add(owner);
        _latest.NoteEvidence(evidence.Date);
    }

    /// <summary>Adds a record read plainly as a row of the evidence store: no object until the evaluator needs it.</summary>
    private void AddEvidenceRow(int owner, ulong high, ulong low, DateOnly date, EvidenceKind kind, EvidenceChannel channel, int first, int second, int third)
    {
        _evidence.AddRow(owner, high, low, date, kind, channel, first, second, third);
        _evidenceRuns.Add(owner);
        _latest.NoteEvidence(date);
    }

    private void AddGrade(string cadreId, int year, AnnualGradeLevel grade, int owner)
    {
        _grades.Add(new AnnualGrade { CadreId = cadreId, Year = year, Grade = grade });
        _gradeRuns.Add(owner);
        _latest.NoteGradeYear(year);
    }

    /// <summary>Adds a grade read plainly as a row of the grade store: no object until the evaluator needs it.</summary>
    private void AddGradeRow(int owner, int year, AnnualGradeLevel grade)
    {
        _grades.AddRow(owner, year, grade);
        _gradeRuns.Add(owner);
        _latest.NoteGradeYear(year);
    }

    private void AddPlacement(string cadreId, AssessmentPeriod period, Board board, int owner)
    {
        _board.Add(new BoardPlacement { CadreId = cadreId, Period = period, Board = board });
        _boardRuns.Add(owner);
        _latest.NotePlacement(PeriodOrdinal(period));
    }

    /// <summary>The latest date, year or period of each record section (see <see cref="_latest"/>).</summary>
    private struct Latest
    {
        public DateOnly Evidence;
        public DateOnly Measure;
        public int GradeYear;
        public int Placement;

        public static Latest None => new() { Evidence = DateOnly.MinValue, Measure = DateOnly.MinValue, GradeYear = int.MinValue, Placement = int.MinValue };

        public void NoteEvidence(DateOnly date) => Evidence = date > Evidence ? date : Evidence;

        public void NoteMeasure(DateOnly date) => Measure = date > Measure ? date : Measure;

        public void NoteGradeYear(int year) => GradeYear = Math.Max(GradeYear, year);

        public void NotePlacement(int ordinal) => Placement = Math.Max(Placement, ordinal);

        public void Include(in Latest other)
        {
            NoteEvidence(other.Evidence);
            NoteMeasure(other.Measure);
            NoteGradeYear(other.GradeYear);
            NotePlacement(other.Placement);
        }
    }

    /// <summary>Maps an index in a result list to the JSON index, skipping the gaps (elements that built nothing).</summary>
    private static int JsonIndex(int listIndex, List<int> gaps, ref int gapsBefore)
    {
        while (gapsBefore < gaps.Count && gaps[gapsBefore] <= listIndex + gapsBefore)
        {
            gapsBefore++;
        }

        return listIndex + gapsBefore;
    }

    private static string UnknownReference(int section, string id) => section == CadresSection
        ? $"unknown unit '{id}'; expected the id of a unit in $.units"
        : $"unknown cadre '{id}'; expected the id of a cadre in $.cadres";

    private void DateAfterAsOf(int section, int index, DateOnly date, string asOfText) =>
        AddCross(section, index, 0, 2, SectionPath(section, index, "date"), $"date {Format(date)} is after as-of {asOfText}; expected a date on or before as-of");

    private void YearAfterAsOf(int section, int index, int sub, int year, DateOnly asOf)
    {
        string path = sub == 0
            ? SectionPath(section, index, "year")
            : string.Create(CultureInfo.InvariantCulture, $"$.units[{index}].indicators[{sub - 1}].year");
        AddCross(section, index, sub, 1, path, string.Create(
            CultureInfo.InvariantCulture,
            $"year {year} is after as-of's year {asOf.Year}; expected {asOf.Year} or earlier"));
    }

    private void PlacementNotBefore(int index, AssessmentPeriod placed, AssessmentPeriod evaluated) =>
        AddCross(BoardSection, index, 0, 1, SectionPath(BoardSection, index, "period"), $"board placement period {placed} is not before the evaluated period {evaluated}; expected {evaluated.Previous} or earlier");

    private static string SectionPath(int section, int index, string field) =>
        string.Create(CultureInfo.InvariantCulture, $"$.{SectionNames[section]}[{index}].{field}");

    private void AddCross(int section, int index, int sub, int field, string path, string message) =>
        _crossErrors.Add(new(section, index, sub, field, _crossErrors.Count, new RosterError(path, message)));

    private static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // ---- properties and values ------------------------------------------------------------------

    private static void Advance(ref JsonCursor c)
    {
        if (!c.Read())
        {
            throw new JsonException("The document ended unexpectedly.");
        }
    }

    /// <summary>Moves to the next property name; <see langword="false"/> at the end of the object.</summary>
    private static bool NextProperty(ref JsonCursor c)
    {
        Advance(ref c);
        return c.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>
    /// Matches the current property name, pushes it on the path, reports unknown and repeated
    /// properties, and moves to the value. Returns the field index, or -1 when the value is to be skipped.
    /// </summary>
    private int BeginProperty(ref JsonCursor c, FieldSet fields, ref ulong seen)
    {
        ref Utf8JsonReader reader = ref c.Reader;
        ReadOnlySpan<byte> name = reader.ValueSpan;
        if (reader.ValueIsEscaped)
        {
            name = name.Length <= _scratch.Length && TryCopyUnescaped(ref reader, out int length) ? _scratch.AsSpan(0, length) : default;
        }

        // Documents list properties in schema order, so the search starts after the last one seen.
        int field = fields.Find(name, 64 - BitOperations.LeadingZeroCount(seen));
        if (field < 0)
        {
            string text = RawText(ref reader);
            _path.PushProperty(text);
            Error($"unknown property '{text}'; expected one of: {fields.Expected} (names are case-sensitive)");
        }
        else
        {
            _path.PushProperty(fields.Names[field]);
            _expects = fields.Expects[field];
            ulong bit = 1UL << field;
            if ((seen & bit) != 0)
            {
                Error($"property '{fields.Names[field]}' appears more than once; expected each property at most once per object");
                field = -1;
            }

            seen |= bit;
        }

        Advance(ref c);
        return field;
    }

    private bool TryCopyUnescaped(ref Utf8JsonReader reader, out int length)
    {
        try
        {
            length = reader.CopyString(_scratch);
            return true;
        }
        catch (InvalidOperationException)
        {
            length = 0;
            return false;
        }
    }

    private void ReportMissing(ulong seen, ulong required, FieldSet fields)
    {
        ulong missing = required & ~seen;
        for (int bit = 0; missing != 0; bit++, missing >>= 1)
        {
            if ((missing & 1) != 0)
            {
                string name = fields.Names[bit];
                Error(_path.With(name), $"missing required property '{name}'; expected {fields.Expects[bit]}");
            }
        }
    }

    private static void SkipValue(ref JsonCursor c)
    {
        if (c.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            return;
        }

        int depth = c.Reader.CurrentDepth;
        do
        {
            Advance(ref c);
        }
        while (c.Reader.CurrentDepth > depth || c.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray));
    }

    /// <summary>Reports a value of the wrong JSON type (null included) and skips it.</summary>
    private void WrongType(ref JsonCursor c)
    {
        Error(c.TokenType == JsonTokenType.Null
            ? $"null is not allowed here; expected {_expects}"
            : $"expected {_expects}, got {Describe(ref c.Reader)}");
        SkipValue(ref c);
    }

    private static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => $"the string \"{RawText(ref reader)}\"",
        JsonTokenType.Number => $"the number {RawText(ref reader)}",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => reader.TokenType.ToString(),
    };

    /// <summary>The current string, number or property name as text for a message, shortened when long.</summary>
    private static string RawText(ref Utf8JsonReader reader)
    {
        string text;
        try
        {
            text = reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName
                ? reader.GetString() ?? string.Empty
                : Encoding.UTF8.GetString(reader.ValueSpan);
        }
        catch (InvalidOperationException)
        {
            text = Encoding.UTF8.GetString(reader.ValueSpan);
        }

        return text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
    }

    private string? ReadString(ref JsonCursor c, bool nonBlank = false)
    {
        if (c.TokenType != JsonTokenType.String)
        {
            WrongType(ref c);
            return null;
        }

        string text;
        try
        {
            text = c.Reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            Error($"the string is not valid UTF-8 or contains an unpaired surrogate; expected {_expects}");
            return null;
        }

        if (nonBlank && string.IsNullOrWhiteSpace(text))
        {
            Error($"the value is empty or blank; expected {_expects}");
            return null;
        }

        return text;
    }

    private string? ReadId(ref JsonCursor c) => ReadString(ref c, nonBlank: true);

    /// <summary>
    /// Reads a string that repeats: names (a million cadres share far fewer names; every unit has the
    /// same indicator names) and periods, so equal values share one string instead of each a copy.
    /// </summary>
    private string? ReadRepeated(ref JsonCursor c, bool nonBlank = false)
    {
        Span<char> chars = stackalloc char[ShortString];
        int length = CopyShortString(ref c, chars);
        if (length >= 0)
        {
            string name = _names.Get(chars[..length]);
            if (nonBlank && string.IsNullOrWhiteSpace(name))
            {
                Error($"the value is empty or blank; expected {_expects}");
                return null;
            }

            return name;
        }

        return ReadString(ref c, nonBlank);
    }

    /// <summary>
    /// Copies the current string, unescaped, into <paramref name="chars"/> when it is a string of at
    /// most <see cref="ShortString"/> bytes (UTF-16 never needs more chars than the UTF-8 or escaped form
    /// has bytes). Returns its length, or -1 otherwise or when it is not valid UTF-8, which
    /// <see cref="ReadString"/> then reports.
    /// </summary>
    private static int CopyShortString(ref JsonCursor c, scoped Span<char> chars)
    {
        if (c.TokenType != JsonTokenType.String || c.Reader.ValueSpan.Length > chars.Length)
        {
            return -1;
        }

        try
        {
            return c.Reader.CopyString(chars);
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    /// <summary>
    /// Reads an evidence or measure id into their shared id space. With <paramref name="pack"/>, a short
    /// ASCII id is kept packed (<see cref="PackedAscii"/>) rather than as a string, as long as ids ascend
    /// and no dictionary is needed to find duplicates.
    /// </summary>
    private RecordId ReadRecordId(ref JsonCursor c, int location, bool pack)
    {
        RecordId id;
        if (pack && c.TokenType == JsonTokenType.String && !c.Reader.ValueIsEscaped
            && PackedAscii.TryPackId(c.Reader.ValueSpan, out ulong high, out ulong low))
        {
            id = new RecordId(high, low);
        }
        else if (ReadId(ref c) is { } text)
        {
            id = new RecordId(text);
        }
        else
        {
            return default;
        }

        if (_recordIds.Count == 0)
        {
            if (NoteIfAscending(id))
            {
                return id;
            }

            FillRecordIds();
        }

        string key = id.ToText()!;
        if (!_recordIds.TryAdd(key, location))
        {
            int first = _recordIds[key];
            string firstPath = first >= 0
                ? string.Create(CultureInfo.InvariantCulture, $"$.evidence[{first}].id")
                : string.Create(CultureInfo.InvariantCulture, $"$.measures[{~first}].id");
            Error($"duplicate id '{key}' (first used at {firstPath}); expected evidence and measure ids to be unique (they share one id space)");
        }

        // The dictionary holds the string now: the record shares it.
        return new RecordId(key);
    }

    /// <summary>While ids ascend (no dictionary yet): notes <paramref name="id"/> as the last one when it comes after it.</summary>
    private bool NoteIfAscending(in RecordId id)
    {
        if (!_lastRecordId.IsNone && RecordId.Compare(id, _lastRecordId) <= 0)
        {
            return false;
        }

        if (_firstRecordId.IsNone)
        {
            _firstRecordId = id;
        }

        _lastRecordId = id;
        return true;
    }

    /// <summary>Puts every record id seen so far into <see cref="_recordIds"/>, once they stop ascending.</summary>
    private void FillRecordIds()
    {
        int gap = 0;
        for (int i = 0; i < _evidence.Count; i++)
        {
            _recordIds.Add(_evidence.IdAt(i), JsonIndex(i, _evidenceGaps, ref gap));
        }

        gap = 0;
        for (int i = 0; i < _measures.Count; i++)
        {
            _recordIds.Add(_measures[i].Id, ~JsonIndex(i, _measureGaps, ref gap));
        }

        foreach (var (id, location) in _unbuiltRecordIds)
        {
            _recordIds.Add(id, location);
        }

        _unbuiltRecordIds.Clear();
    }

    /// <summary>Keeps the id of a record that built nothing while ids ascend, for <see cref="FillRecordIds"/>.</summary>
    private void NoteUnbuiltRecord(string? id, int location)
    {
        if (id is not null && _recordIds.Count == 0)
        {
            _unbuiltRecordIds.Add((id, location));
        }
    }

    /// <summary>
    /// Reads the id of a unit or cadre. When that id was already defined, the defining string instance is
    /// returned, so a million evidence records share their cadre's id string instead of holding copies.
    /// Otherwise the reference is checked after the pass (the definition may come later).
    /// </summary>
    private string? ReadReference(
        ref JsonCursor c,
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> known,
        LastReference last,
        int section,
        int index,
        int field,
        out int owner)
    {
        if (c.TokenType == JsonTokenType.String && !c.Reader.ValueIsEscaped)
        {
            if (TryResolveKnown(c.Reader.ValueSpan, known, last, units: section == CadresSection, out string? resolved, out owner))
            {
                return resolved;
            }
        }
        else
        {
            owner = -1;
            Span<char> chars = stackalloc char[ShortString];
            int length = CopyShortString(ref c, chars);
            if (length >= 0 && known.TryGetValue(chars[..length], out string? existing, out int found))
            {
                owner = found;
                return existing;
            }
        }

        string? id = ReadId(ref c);
        if (id is not null)
        {
            _pendingReferences.Add(new(id, section, index, field));
        }

        return id;
    }

    /// <summary>
    /// Resolves an unescaped id of a unit or cadre that is already defined, to its defining string and its
    /// index; <see langword="false"/> when none is (yet), or the bytes are not UTF-8 (then the caller reads
    /// the value as a string, which reports that).
    /// </summary>
    private bool TryResolveKnown(
        ReadOnlySpan<byte> utf8,
        Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> known,
        LastReference last,
        bool units,
        [NotNullWhen(true)] out string? id,
        out int owner)
    {
        // Records of one cadre (and cadres of one unit) usually come together: compare the raw bytes
        // with the previous hit before transcoding and hashing.
        if (last.TryGet(utf8, out id, out owner))
        {
            return true;
        }

        // Rosters list records in cadre order (and cadres in unit order): the one after the previous is
        // the likeliest, and comparing with it reads the next list entry instead of a random bucket of
        // a large dictionary. A list index is the JSON index in every document this can be returned
        // from (one that reads without errors, so without gaps).
        int next = last.Index + 1;
        string? guess = next <= 0 ? null
            : units ? (next < _unitList.Count ? _unitList[next].Id : null)
            : (next < _cadreList.Count ? _cadreList[next].Id : null);
        if (guess is not null && Ascii.Equals(utf8, guess))
        {
            (id, owner) = (guess, next);
            last.Set(utf8, id, owner);
            return true;
        }

        Span<char> chars = stackalloc char[ShortString];
        if (utf8.Length <= chars.Length
            && System.Text.Unicode.Utf8.ToUtf16(utf8, chars, out _, out int length, replaceInvalidSequences: false) == System.Buffers.OperationStatus.Done
            && known.TryGetValue(chars[..length], out id, out owner))
        {
            last.Set(utf8, id, owner);
            return true;
        }

        (id, owner) = (null, -1);
        return false;
    }

    private int? ReadInt32(ref JsonCursor c)
    {
        if (c.TokenType != JsonTokenType.Number)
        {
            WrongType(ref c);
            return null;
        }

        if (c.Reader.TryGetInt32(out int value))
        {
            return value;
        }

        Error($"{RawText(ref c.Reader)} is not an integer in range; expected {_expects}");
        return null;
    }

    private double? ReadFiniteDouble(ref JsonCursor c)
    {
        if (c.TokenType != JsonTokenType.Number)
        {
            WrongType(ref c);
            return null;
        }

        // TryGetDouble refuses a number too large for a double rather than returning infinity;
        // the IsFinite test keeps that guarantee explicit.
        if (c.Reader.TryGetDouble(out double value) && double.IsFinite(value))
        {
            return value;
        }

        Error($"{RawText(ref c.Reader)} is not a finite double (too large); expected {_expects}");
        return null;
    }

    private decimal? ReadProgress(ref JsonCursor c)
    {
        if (c.TokenType != JsonTokenType.Number)
        {
            WrongType(ref c);
            return null;
        }

        // decimal, not double: the engine compares progress with exact arithmetic (0.6 − 0.4 = 0.2).
        if (!c.Reader.TryGetDecimal(out decimal value))
        {
            Error($"{RawText(ref c.Reader)} is not representable as a decimal; expected {_expects}");
            return null;
        }

        if (value is < 0m or > 1m)
        {
            Error($"progress {RawText(ref c.Reader)} is outside [0, 1]; expected {_expects}");
            return null;
        }

        return value;
    }

    private bool? ReadBoolean(ref JsonCursor c)
    {
        switch (c.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            default:
                WrongType(ref c);
                return null;
        }
    }

    /// <summary>Reads a strict <c>yyyy-MM-dd</c> date; <c>null</c> reads as absent when <paramref name="allowNull"/>.</summary>
    private DateOnly? ReadDate(ref JsonCursor c, bool allowNull)
    {
        if (allowNull && c.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (c.TokenType != JsonTokenType.String)
        {
            WrongType(ref c);
            return null;
        }

        if (TryParseDate(ValueBytes(ref c.Reader), out DateOnly date))
        {
            return date;
        }

        Error($"'{RawText(ref c.Reader)}' is not a valid date; expected {_expects}");
        return null;
    }

    private static bool TryParseDate(ReadOnlySpan<byte> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != (byte)'-' || text[7] != (byte)'-'
            || !TryDigits(text[..4], out int year) || !TryDigits(text.Slice(5, 2), out int month) || !TryDigits(text.Slice(8, 2), out int day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (byte b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private AssessmentPeriod? ReadPeriod(ref JsonCursor c)
    {
        string? text = ReadRepeated(ref c);
        if (text is null)
        {
            return null;
        }

        if (AssessmentPeriod.TryParse(text, out var period))
        {
            return period;
        }

        Error($"'{text}' is not a valid period; expected {_expects}");
        return null;
    }

    private T? ReadEnum<T>(ref JsonCursor c, string what)
        where T : struct, Enum
    {
        if (c.TokenType != JsonTokenType.String)
        {
            WrongType(ref c);
            return null;
        }

        if (EnumTable<T>.Instance.TryParse(ValueBytes(ref c.Reader), out T value))
        {
            return value;
        }

        Error($"unknown {what} '{RawText(ref c.Reader)}'; expected {_expects}");
        return null;
    }

    /// <summary>The unescaped bytes of a short string value; escapes are rare, so usually no copy.</summary>
    private ReadOnlySpan<byte> ValueBytes(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        // Longer than any enum name or date: leave it escaped, it will not match.
        return reader.ValueSpan.Length <= _scratch.Length && TryCopyUnescaped(ref reader, out int length)
            ? _scratch.AsSpan(0, length)
            : reader.ValueSpan;
    }

    private void Error(string message) => _errors.Add(new RosterError(_path.ToString(), message));

    private void Error(string path, string message) => _errors.Add(new RosterError(path, message));

    private readonly record struct PendingReference(string Id, int Section, int Index, int Field);

    private readonly record struct PendingCheck(int Section, int Index, int Sub, int Field, CheckKind Kind, int Value);

    private readonly record struct CrossError(int Section, int Index, int Sub, int Field, int Sequence, RosterError Error)
        : IComparable<CrossError>
    {
        public int CompareTo(CrossError other)
        {
            int result = Section.CompareTo(other.Section);
            if (result == 0)
            {
                result = Index.CompareTo(other.Index);
            }

            if (result == 0)
            {
                result = Sub.CompareTo(other.Sub);
            }

            if (result == 0)
            {
                result = Field.CompareTo(other.Field);
            }

            return result != 0 ? result : Sequence.CompareTo(other.Sequence);
        }
    }
}
