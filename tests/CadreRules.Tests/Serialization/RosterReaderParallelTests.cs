using System.Text;
using CadreRules.Generation;
using CadreRules.Serialization;
using static CadreRules.Tests.Serialization.RosterDocuments;

namespace CadreRules.Tests.Serialization;

/// <summary>
/// The parallel fast path of <see cref="RosterReader"/>: it must read every valid document as the
/// sequential read does, without falling back when nothing is wrong, and must never accept a document
/// the sequential read rejects. (Every reader test also runs it, through <see cref="RosterDocuments.Read"/>.)
/// </summary>
public sealed class RosterReaderParallelTests
{
    private static readonly Roster GeneratedRoster = RosterGenerator.Generate(1_500, seed: 11);

    // Small enough to read in one-element chunks.
    private static readonly Roster Small = RosterGenerator.Generate(40, seed: 3);

    private static Roster Sequential(byte[] json) => RosterReader.Read(json);

    [Theory]
    [InlineData(1, false)]
    [InlineData(97, false)]
    [InlineData(4096, false)]
    [InlineData(1 << 20, false)]
    [InlineData(333, true)]
    public void Read_GeneratedRoster_FastPathReadsSameAsSequential(int chunkBytes, bool indented)
    {
        byte[] json = Json(GeneratedRoster, indented);

        var roster = ReadInParallel(json, chunkBytes, out bool sequential);

        sequential.Should().BeFalse("a valid document is read by the fast path without falling back");
        roster.Evidence.Should().HaveCount(GeneratedRoster.Evidence.Count);
        roster.Evidence.Should().BeOfType<EvidenceStore>("evidence read plainly is kept as rows").Which.IsCompact.Should().BeTrue();
        roster.AnnualGrades.Should().BeOfType<GradeStore>("so are grades").Which.IsCompact.Should().BeTrue();
        Sequential(json).Evidence.Should().BeOfType<List<Evidence>>("a sequential read builds the objects");
        Sequential(json).AnnualGrades.Should().BeOfType<List<AnnualGrade>>();
        Dump(roster).Should().Be(Dump(Sequential(json)));
    }

    [Fact]
    public void Read_RecordsInNoParticularOrder_FastPathChecksKeysWithDictionariesAndReadsSame()
    {
        var random = new Random(5);
        var shuffled = new Roster
        {
            Period = GeneratedRoster.Period,
            Units = GeneratedRoster.Units,
            Cadres = GeneratedRoster.Cadres,
            Evidence = [.. GeneratedRoster.Evidence.OrderBy(_ => random.Next())],
            AnnualGrades = [.. GeneratedRoster.AnnualGrades.OrderBy(_ => random.Next())],
            Measures = [.. GeneratedRoster.Measures.OrderBy(_ => random.Next())],
            BoardHistory = [.. GeneratedRoster.BoardHistory.OrderBy(_ => random.Next())],
        };
        byte[] json = Json(shuffled);

        var roster = ReadInParallel(json, chunkBytes: 2048, out bool sequential);

        sequential.Should().BeFalse();
        Dump(roster).Should().Be(Dump(Sequential(json)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_DuplicateEvidenceIdInAnotherChunk_FallsBackAndReportsWhatSequentialReports(bool shuffled)
    {
        var evidence = GeneratedRoster.Evidence.ToList();
        if (shuffled)
        {
            evidence.Reverse();
        }

        string firstId = evidence[0].Id;
        string lastId = evidence[^1].Id;
        string json = Encoding.UTF8.GetString(Json(new Roster
        {
            Period = GeneratedRoster.Period,
            Units = GeneratedRoster.Units,
            Cadres = GeneratedRoster.Cadres,
            Evidence = evidence,
        }));
        json = Mutate(json, $"\"id\":\"{lastId}\"", $"\"id\":\"{firstId}\"");

        AssertSameErrors(json, "duplicate id");
    }

    [Fact]
    public void Read_DuplicateMeasureIdOfAnEvidenceRecord_FallsBackAndReportsWhatSequentialReports()
    {
        string evidenceId = GeneratedRoster.Evidence[^1].Id;
        string measureId = GeneratedRoster.Measures[^1].Id;
        string json = Mutate(Encoding.UTF8.GetString(Json(GeneratedRoster)), $"\"id\":\"{measureId}\"", $"\"id\":\"{evidenceId}\"");

        AssertSameErrors(json, "duplicate id");
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Read_DuplicateGradeOrPlacementInAnotherChunk_FallsBackAndReportsWhatSequentialReports(bool shuffled, bool board)
    {
        var grades = GeneratedRoster.AnnualGrades.ToList();
        var placements = GeneratedRoster.BoardHistory.ToList();
        if (shuffled)
        {
            grades.Reverse();
            placements.Reverse();
        }

        if (board)
        {
            placements.Add(placements[0]);
        }
        else
        {
            grades.Add(grades[0]);
        }

        string json = HistoryDocument(grades, placements);

        AssertSameErrors(json, board ? "duplicate board placement" : "duplicate annual grade");
    }

    // Cadres, evidence, grades, measures and board placements written plainly are read without a JSON
    // reader (RosterParser.Plain.cs); an element written any other way sends its chunk to the full parser.
    // One element per chunk here, so the plain chunks count the elements read plainly. Evidence written
    // as RosterWriter writes it takes a straight pass first; any other plain writing (a space, another
    // order, other casing) falls back to the member-by-member plain reader with the same result.
    [Theory]
    [InlineData("as written", true)]
    [InlineData("enum names in lower case", true)]
    [InlineData("spaces around names, colons and commas", true)]
    [InlineData("kind first", true)]
    [InlineData("a space before the closing brace", true)]
    [InlineData("upper-case kind", true)]
    [InlineData("escaped character in the id", false)]
    [InlineData("escaped character in the cadre id", false)]
    [InlineData("id longer than 16 characters", false)]
    [InlineData("non-ASCII id", false)]
    [InlineData("id with a control character escaped", false)]
    public void Read_EvidenceElementWrittenSomeWay_PlainPathOrFullParserReadsSame(string variant, bool plain)
    {
        var first = Small.Evidence[0];
        string id = first.Id, cadre = first.CadreId;
        AssertFirstElementReadsSame("evidence", variant, plain, element => variant switch
        {
            "as written" => element,
            "enum names in lower case" => element.Replace($"\"channel\":\"{first.Channel}\"", $"\"channel\":\"{first.Channel.ToString().ToLowerInvariant()}\"", StringComparison.Ordinal),
            "spaces around names, colons and commas" => element.Replace(",", " ,\n\t", StringComparison.Ordinal).Replace(":", " : ", StringComparison.Ordinal).Replace("{", "{ ", StringComparison.Ordinal),
            "kind first" => "{\"kind\":\"" + first.Kind + "\"," + element[1..].Replace($",\"kind\":\"{first.Kind}\"", string.Empty, StringComparison.Ordinal),
            "a space before the closing brace" => element[..^1] + " }",
            "upper-case kind" => element.Replace($"\"kind\":\"{first.Kind}\"", $"\"kind\":\"{first.Kind.ToString().ToUpperInvariant()}\"", StringComparison.Ordinal),
            "escaped character in the id" => element.Replace($"\"{id}\"", $"\"{id[..^1]}\\u{(int)id[^1]:x4}\"", StringComparison.Ordinal),
            "escaped character in the cadre id" => element.Replace($"\"{cadre}\"", $"\"{cadre[..^1]}\\u{(int)cadre[^1]:x4}\"", StringComparison.Ordinal),
            "id longer than 16 characters" => element.Replace($"\"{id}\"", $"\"{id}-0123456789abcdef\"", StringComparison.Ordinal),
            "non-ASCII id" => element.Replace($"\"{id}\"", $"\"{id}证\"", StringComparison.Ordinal),
            _ => element.Replace($"\"{id}\"", $"\"{id}\\t\"", StringComparison.Ordinal),
        });
    }

    [Theory]
    [InlineData("annualGrades", "as written", true)]
    [InlineData("annualGrades", "spaces and a lower-case grade", true)]
    [InlineData("annualGrades", "year first", true)]
    [InlineData("annualGrades", "a space before the closing brace", true)]
    [InlineData("annualGrades", "escaped character in the grade", false)]
    [InlineData("annualGrades", "escaped character in the cadre id", false)]
    [InlineData("boardHistory", "as written", true)]
    [InlineData("boardHistory", "spaces and a lower-case board", true)]
    [InlineData("boardHistory", "escaped character in the period", false)]
    [InlineData("boardHistory", "escaped character in the cadre id", false)]
    public void Read_HistoryElementWrittenSomeWay_PlainPathOrFullParserReadsSame(string section, string variant, bool plain)
    {
        bool board = section == "boardHistory";
        string cadre = board ? Small.BoardHistory[0].CadreId : Small.AnnualGrades[0].CadreId;
        string value = board ? Small.BoardHistory[0].Board.ToString() : Small.AnnualGrades[0].Grade.ToString();
        int year = Small.AnnualGrades[0].Year;
        AssertFirstElementReadsSame(section, variant, plain, element => variant switch
        {
            "as written" => element,
            "spaces and a lower-case grade" or "spaces and a lower-case board" =>
                element.Replace(",", " ,\r\n ", StringComparison.Ordinal).Replace(":", "\t: ", StringComparison.Ordinal)
                    .Replace($"\"{value}\"", $"\"{value.ToLowerInvariant()}\"", StringComparison.Ordinal),
            "year first" => $"{{\"year\":{year}," + element[1..].Replace($",\"year\":{year}", string.Empty, StringComparison.Ordinal),
            "a space before the closing brace" => element[..^1] + " }",
            "escaped character in the grade" => element.Replace($"\"{value}\"", $"\"{value[..^1]}\\u{(int)value[^1]:x4}\"", StringComparison.Ordinal),
            "escaped character in the period" => element.Replace("H", "\\u0048", StringComparison.Ordinal),
            _ => element.Replace($"\"{cadre}\"", $"\"{cadre[..^1]}\\u{(int)cadre[^1]:x4}\"", StringComparison.Ordinal),
        });
    }

    [Theory]
    [InlineData("as written", true)]
    [InlineData("spaces and a lower-case kind", true)]
    [InlineData("kind first", true)]
    [InlineData("escaped character in the id", false)]
    [InlineData("non-ASCII id", false)]
    [InlineData("escaped character in the cadre id", false)]
    public void Read_MeasureWrittenSomeWay_PlainPathOrFullParserReadsSame(string variant, bool plain)
    {
        var first = Small.Measures[0];
        string id = first.Id, cadre = first.CadreId, kind = first.Kind.ToString();
        AssertFirstElementReadsSame("measures", variant, plain, element => variant switch
        {
            "as written" => element,
            "spaces and a lower-case kind" =>
                element.Replace(",", " ,\r\n ", StringComparison.Ordinal).Replace(":", "\t: ", StringComparison.Ordinal)
                    .Replace($"\"{kind}\"", $"\"{kind.ToLowerInvariant()}\"", StringComparison.Ordinal),
            "kind first" => $"{{\"kind\":\"{kind}\"," + element[1..].Replace($",\"kind\":\"{kind}\"", string.Empty, StringComparison.Ordinal),
            "escaped character in the id" => element.Replace($"\"{id}\"", $"\"{id[..^1]}\\u{(int)id[^1]:x4}\"", StringComparison.Ordinal),
            "non-ASCII id" => element.Replace($"\"{id}\"", $"\"{id}证\"", StringComparison.Ordinal),
            _ => element.Replace($"\"{cadre}\"", $"\"{cadre[..^1]}\\u{(int)cadre[^1]:x4}\"", StringComparison.Ordinal),
        });
    }

    // A cadre's name may be any UTF-8 text (Chinese, as generated) and still be plain.
    [Theory]
    [InlineData("as written", true)]
    [InlineData("spaces around names, colons and commas", true)]
    [InlineData("rank in lower case", true)]
    [InlineData("flags false", true)]
    [InlineData("flags left out", true)]
    [InlineData("ASCII name", true)]
    [InlineData("name with an escaped character", false)]
    [InlineData("name with an escaped control character", false)]
    [InlineData("id with an escaped character", false)]
    [InlineData("unit id with an escaped character", false)]
    public void Read_CadreWrittenSomeWay_PlainPathOrFullParserReadsSame(string variant, bool plain)
    {
        var first = Small.Cadres[0];
        first.Leadership.Should().BeTrue("the variants rewrite the flags");
        AssertFirstElementReadsSame("cadres", variant, plain, element => variant switch
        {
            "as written" => element,
            "spaces around names, colons and commas" => element.Replace(",", " ,\n\t", StringComparison.Ordinal).Replace(":", " : ", StringComparison.Ordinal).Replace("{", "{ ", StringComparison.Ordinal),
            "rank in lower case" => element.Replace($"\"{first.Rank}\"", $"\"{first.Rank.ToString().ToLowerInvariant()}\"", StringComparison.Ordinal),
            "flags false" => element.Replace("true", "false", StringComparison.Ordinal),
            "flags left out" => element.Replace(",\"leadership\":true", string.Empty, StringComparison.Ordinal).Replace(",\"cityManaged\":true", string.Empty, StringComparison.Ordinal),
            "ASCII name" => element.Replace($"\"{first.Name}\"", "\"Wang Wei\"", StringComparison.Ordinal),
            "name with an escaped character" => element.Replace($"\"{first.Name}\"", $"\"{first.Name[..^1]}\\u{(int)first.Name[^1]:x4}\"", StringComparison.Ordinal),
            "name with an escaped control character" => element.Replace($"\"{first.Name}\"", $"\"{first.Name}\\t\"", StringComparison.Ordinal),
            "id with an escaped character" => element.Replace($"\"{first.Id}\"", $"\"{first.Id[..^1]}\\u{(int)first.Id[^1]:x4}\"", StringComparison.Ordinal),
            _ => element.Replace($"\"{first.UnitId}\"", $"\"{first.UnitId[..^1]}\\u{(int)first.UnitId[^1]:x4}\"", StringComparison.Ordinal),
        });
    }

    // A raw control character in a name is malformed JSON: not plain, and the sequential read reports it.
    [Fact]
    public void Read_CadreNameWithARawControlCharacter_FallsBackAndReportsWhatSequentialReports()
    {
        string json = Encoding.UTF8.GetString(Json(Small));
        string name = Small.Cadres[1].Name;

        AssertSameErrors(json.Replace($"\"{name}\"", $"\"{name}\t\"", StringComparison.Ordinal), "malformed JSON", chunkBytes: 1);
    }

    // Bytes that are not UTF-8 in a name: not plain, and the sequential read reports them.
    [Fact]
    public void Read_CadreNameNotUtf8_FallsBackAndReportsWhatSequentialReports()
    {
        byte[] json = Json(Small);
        byte[] name = Encoding.UTF8.GetBytes($"\"{Small.Cadres[1].Name}\"");
        int at = json.AsSpan().IndexOf(name);
        at.Should().BePositive();
        json[at + 1] = 0xFF;

        AssertSameErrors(json, "the string is not valid UTF-8", chunkBytes: 1);
    }

    /// <summary>
    /// Rewrites the first element of a section of <see cref="Small"/>'s document, reads it through the
    /// parallel path in one-element chunks, and checks that it read as the sequential read does, with
    /// every chunk of the plain sections plain but that one unless <paramref name="plain"/>.
    /// </summary>
    private static void AssertFirstElementReadsSame(string section, string variant, bool plain, Func<string, string> rewrite)
    {
        string json = Encoding.UTF8.GetString(Json(Small));
        int start = json.IndexOf($"\"{section}\":[", StringComparison.Ordinal) + section.Length + 4;
        int end = json.IndexOf('}', start) + 1;
        string element = json[start..end];
        string changed = rewrite(element);
        if (variant != "as written")
        {
            changed.Should().NotBe(element, "the variant must change the element");
        }

        byte[] bytes = Encoding.UTF8.GetBytes(json[..start] + changed + json[end..]);
        var reading = new ParallelReading(Workers: 2, ChunkBytes: 1);

        var roster = RosterReader.Read(new MemoryStream(bytes), initialBufferSize: 16, reading, minimumParallelBytes: 0, out bool sequential);

        sequential.Should().BeFalse();
        reading.PlainChunks.Should().Be(Small.Cadres.Count + Small.Evidence.Count + Small.AnnualGrades.Count + Small.Measures.Count + Small.BoardHistory.Count - (plain ? 0 : 1));
        Dump(roster).Should().Be(Dump(Sequential(bytes)));

        // Evidence and grades stay compact only when every record was read plainly; one the full parser
        // built turns the section into objects, in document order (Dump compares the values and the order).
        (roster.Evidence is EvidenceStore).Should().Be(section != "evidence" || plain);
        (roster.AnnualGrades is GradeStore).Should().Be(section != "annualGrades" || plain);
    }

    // Grade and board keys grouped by cadre (cadres ascending, each cadre's keys in any order) are
    // checked without a dictionary; with one element per chunk every cadre of several keys spans chunks.
    [Theory]
    [InlineData(1)]
    [InlineData(150)]
    public void Read_KeysGroupedByCadreInAnyOrderWithin_FastPathReadsSame(int chunkBytes)
    {
        var grouped = new Roster
        {
            Period = GeneratedRoster.Period,
            Units = GeneratedRoster.Units,
            Cadres = GeneratedRoster.Cadres,
            AnnualGrades = [.. GeneratedRoster.AnnualGrades.OrderBy(g => g.CadreId, StringComparer.Ordinal).ThenByDescending(g => g.Year)],
            BoardHistory = [.. GeneratedRoster.BoardHistory.OrderBy(b => b.CadreId, StringComparer.Ordinal).ThenByDescending(b => b.Period)],
        };
        grouped.BoardHistory.GroupBy(b => b.CadreId).Should().Contain(g => g.Count() > 2, "some cadre's keys must span several chunks");
        byte[] json = Json(grouped);

        var roster = ReadInParallel(json, chunkBytes, out bool sequential);

        sequential.Should().BeFalse();
        Dump(roster).Should().Be(Dump(Sequential(json)));
    }

    // A cadre's duplicate key in the chunk after its first, and in the same chunk, not adjacent.
    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 1)]
    [InlineData(false, 700)]
    [InlineData(true, 700)]
    public void Read_DuplicateKeyWithinItsCadresGroup_FastPathFallsBackAndReportsSame(bool board, int chunkBytes)
    {
        var grades = GeneratedRoster.AnnualGrades.ToList();
        var placements = GeneratedRoster.BoardHistory.ToList();
        if (board)
        {
            int at = placements.FindIndex(b => placements.Count(o => o.CadreId == b.CadreId) >= 2);
            placements.Insert(at + 2, placements[at]);
        }
        else
        {
            int at = grades.FindIndex(g => grades.Count(o => o.CadreId == g.CadreId) >= 2);
            grades.Insert(at + 2, grades[at]);
        }

        string json = HistoryDocument(grades, placements);

        var errors = AssertSameErrors(json, board ? "duplicate board placement" : "duplicate annual grade", chunkBytes);
        errors.Should().ContainSingle(e => e.Message.StartsWith("duplicate", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_StringsWithEscapesBracketsAndCommas_FastPathReadsSame()
    {
        // Ids and references full of what the splitter must not take for structure.
        var unit = GeneratedRoster.Units[0];
        var cadres = Enumerable.Range(0, 300).Select(i => new Cadre
        {
            Id = i % 3 == 0 ? $"C-{i:D4}\\\",]}}[{{" : $"C-{i:D4},\"\\\\",
            Name = $"名\"{i}\\",
            UnitId = unit.Id,
            Rank = CadreRank.Section,
        }).ToList();
        var evidence = cadres.Select((c, i) => (Evidence)new AttitudeEvidence
        {
            Id = $"E-{i:D4}\\\"]",
            CadreId = c.Id,
            Date = new DateOnly(2024, 3, 1),
            Channel = EvidenceChannel.Interview,
            Attitude = AttitudeRating.Positive,
        }).ToList();
        byte[] json = Json(new Roster { Period = GeneratedRoster.Period, Units = [unit], Cadres = cadres, Evidence = evidence });
        Encoding.UTF8.GetString(json).Should().Contain("\\\\").And.Contain("\\\"");

        foreach (int chunkBytes in new[] { 1, 50, 1000 })
        {
            var roster = ReadInParallel(json, chunkBytes, out bool sequential);

            sequential.Should().BeFalse();
            Dump(roster).Should().Be(Dump(Sequential(json)));
            roster.Evidence[299].CadreId.Should().Be(cadres[299].Id);
        }
    }

    [Theory]
    [InlineData("},{\"id\":\"E-", "}{\"id\":\"E-")]
    [InlineData("\"kind\":\"Attitude\"", "\"kind\":\"Attitude\",")]
    [InlineData("\"evidence\":[", "\"evidence\":[,")]
    [InlineData("\"status\":\"Verified\"}", "\"status\":\"Verified\"}}")]
    public void Read_MalformedRecordSection_FallsBackAndReportsSameLineAndPosition(string find, string replace)
    {
        string json = Encoding.UTF8.GetString(Json(GeneratedRoster, indented: false));
        int at = json.IndexOf(find, json.Length / 3, StringComparison.Ordinal);
        if (at < 0)
        {
            at = json.IndexOf(find, StringComparison.Ordinal);
        }

        at.Should().BeGreaterThan(0);
        json = string.Concat(json.AsSpan(0, at), replace, json.AsSpan(at + find.Length));

        AssertSameErrors(json, "malformed JSON");
    }

    // The plain path matches the property after the last one seen whole ("name":); a property that comes
    // again, right after itself or later, must still be caught, whichever way its name was matched.
    [Theory]
    [InlineData("\"date\":\"", "\"date\":\"2020-01-01\",\"date\":\"")]
    [InlineData("\"channel\":\"", "\"id\":\"E-0\",\"channel\":\"")]
    public void Read_PropertyTwiceInAnEvidenceElement_FallsBackAndReportsWhatSequentialReports(string find, string replace)
    {
        string json = Encoding.UTF8.GetString(Json(GeneratedRoster, indented: false));
        int at = json.IndexOf(find, json.IndexOf("\"evidence\":[", StringComparison.Ordinal) + 5000, StringComparison.Ordinal);
        at.Should().BeGreaterThan(0);
        json = string.Concat(json.AsSpan(0, at), replace, json.AsSpan(at + find.Length));

        AssertSameErrors(json, "property '");
    }

    [Fact]
    public void Read_TrailingCommaInRecordSection_FallsBackAndReportsWhatSequentialReports()
    {
        string json = Encoding.UTF8.GetString(Json(GeneratedRoster));
        json = Mutate(json, "],\"annualGrades\":[", ",],\"annualGrades\":[");

        AssertSameErrors(json, "malformed JSON");
    }

    [Fact]
    public void Read_RecordsBeforeTheCadres_ReadsThoseSectionsSequentiallyAndSame()
    {
        var sample = new Roster
        {
            Period = GeneratedRoster.Period,
            Units = GeneratedRoster.Units,
            Cadres = GeneratedRoster.Cadres,
            Evidence = GeneratedRoster.Evidence,
        };
        string json = Encoding.UTF8.GetString(Json(sample));
        int cadresAt = json.IndexOf(",\"cadres\":", StringComparison.Ordinal);
        int evidenceAt = json.IndexOf(",\"evidence\":", StringComparison.Ordinal);
        string reordered = string.Concat(json.AsSpan(0, cadresAt), json.AsSpan(evidenceAt, json.Length - 1 - evidenceAt), json.AsSpan(cadresAt, evidenceAt - cadresAt), "}");
        byte[] bytes = Encoding.UTF8.GetBytes(reordered);

        var roster = ReadInParallel(bytes, chunkBytes: 512, out bool sequential);

        sequential.Should().BeFalse();
        Dump(roster).Should().Be(Dump(Sequential(bytes)));
    }

    [Fact]
    public void Read_DuplicateCadreIdInAnotherChunk_FallsBackAndReportsWhatSequentialReports()
    {
        string firstId = GeneratedRoster.Cadres[0].Id;
        string lastId = GeneratedRoster.Cadres[^1].Id;
        string json = Encoding.UTF8.GetString(Json(new Roster { Period = GeneratedRoster.Period, Units = GeneratedRoster.Units, Cadres = GeneratedRoster.Cadres }));
        json = Mutate(json, $"\"id\":\"{lastId}\"", $"\"id\":\"{firstId}\"");

        AssertSameErrors(json, "duplicate cadre id");
    }

    [Theory]
    [InlineData(700)]
    [InlineData(1 << 20)]
    public void Read_DuplicateCadreIdInTheSameChunk_FallsBack(int chunkBytes)
    {
        // Chunks of cadres keep no id dictionary of their own; the parent's merge must still catch a
        // duplicate between neighbours, which share a chunk.
        string firstId = GeneratedRoster.Cadres[0].Id;
        string secondId = GeneratedRoster.Cadres[1].Id;
        byte[] bytes = Json(new Roster { Period = GeneratedRoster.Period, Units = GeneratedRoster.Units, Cadres = GeneratedRoster.Cadres });
        string json = Mutate(Encoding.UTF8.GetString(bytes), $"\"id\":\"{secondId}\"", $"\"id\":\"{firstId}\"");
        bytes = Encoding.UTF8.GetBytes(json);

        bool sequential = false;
        Action parallelRead = () => ReadInParallel(bytes, chunkBytes, out sequential);

        parallelRead.Should().ThrowExactly<RosterValidationException>().Which.Errors.Should().ContainSingle()
            .Which.Message.Should().StartWith($"duplicate cadre id '{firstId}' (first used at $.cadres[0].id)");
        sequential.Should().BeTrue();
    }

    [Fact]
    public void Read_ReferenceToAnUnknownUnit_FallsBackAndReportsWhatSequentialReports()
    {
        var cadre = GeneratedRoster.Cadres[^1];
        string json = Encoding.UTF8.GetString(Json(GeneratedRoster));
        string find = $"\"id\":\"{cadre.Id}\",\"name\":\"{cadre.Name}\",\"unitId\":\"{cadre.UnitId}\"";
        json = Mutate(json, find, find.Replace(cadre.UnitId, "U-NOWHERE", StringComparison.Ordinal));

        AssertSameErrors(json, "unknown unit");
    }

    [Fact]
    public void Read_CadresBeforeTheUnits_ReadsThemSequentiallyAndSame()
    {
        var sample = new Roster { Period = GeneratedRoster.Period, Units = GeneratedRoster.Units, Cadres = GeneratedRoster.Cadres };
        string json = Encoding.UTF8.GetString(Json(sample));
        int unitsAt = json.IndexOf(",\"units\":", StringComparison.Ordinal);
        int cadresAt = json.IndexOf(",\"cadres\":", StringComparison.Ordinal);
        int cadresEnd = json.IndexOf(']', json.LastIndexOf("\"rank\"", StringComparison.Ordinal)) + 1;
        string reordered = string.Concat(json.AsSpan(0, unitsAt), json.AsSpan(cadresAt, cadresEnd - cadresAt), json.AsSpan(unitsAt, cadresAt - unitsAt), json.AsSpan(cadresEnd));
        byte[] bytes = Encoding.UTF8.GetBytes(reordered);

        var roster = ReadInParallel(bytes, chunkBytes: 512, out bool sequential);

        sequential.Should().BeFalse();
        roster.Cadres.Should().HaveCount(GeneratedRoster.Cadres.Count);
        Dump(roster).Should().Be(Dump(Sequential(bytes)));
    }

    [Fact]
    public void Read_ReferenceToAnUnknownCadre_FallsBackAndReportsWhatSequentialReports()
    {
        string cadreId = GeneratedRoster.Evidence[^1].CadreId;
        string json = Encoding.UTF8.GetString(Json(GeneratedRoster));
        int at = json.LastIndexOf($"\"cadreId\":\"{cadreId}\"", StringComparison.Ordinal);
        json = string.Concat(json.AsSpan(0, at), "\"cadreId\":\"C-NOBODY\"", json.AsSpan(at + $"\"cadreId\":\"{cadreId}\"".Length));

        AssertSameErrors(json, "unknown cadre");
    }

    [Fact]
    public void ReadFile_LargeFile_ReadsSameWhateverTheDegreeOfParallelism()
    {
        string path = Path.Combine(Path.GetTempPath(), $"cadre-rules-parallel-{Guid.NewGuid():N}.json");
        try
        {
            var roster = RosterGenerator.Generate(5_000, seed: 3);
            RosterWriter.WriteFile(roster, path);
            new FileInfo(path).Length.Should().BeGreaterThan(ParallelReading.DefaultMinimumBytes);

            var parallel = RosterReader.ReadFile(path);
            var sequential = RosterReader.ReadFile(path, new RosterReaderOptions { MaxDegreeOfParallelism = 1 });

            Dump(parallel).Should().Be(Dump(sequential)).And.Be(Dump(roster));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    public void Read_InvalidDegreeOfParallelism_Throws(int degree)
    {
        Action read = () => RosterReader.Read(new MemoryStream(Json(GeneratedRoster)), new RosterReaderOptions { MaxDegreeOfParallelism = degree });

        read.Should().ThrowExactly<ArgumentOutOfRangeException>().WithMessage("*MaxDegreeOfParallelism*");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_StreamPositionedAfterOtherData_ReadsFromThereAndFallsBackToThere(bool invalid)
    {
        string document = Encoding.UTF8.GetString(Json(GeneratedRoster));
        if (invalid)
        {
            document = Mutate(document, $"\"id\":\"{GeneratedRoster.Evidence[^1].Id}\"", $"\"id\":\"{GeneratedRoster.Evidence[0].Id}\"");
        }

        byte[] prefix = Encoding.UTF8.GetBytes("not part of the roster");
        byte[] bytes = [.. prefix, .. Encoding.UTF8.GetBytes(document)];
        var stream = new MemoryStream(bytes) { Position = prefix.Length };
        Roster? roster = null;

        Action read = () => roster = RosterReader.Read(stream, initialBufferSize: 64, new ParallelReading(Workers: 2, ChunkBytes: 300), minimumParallelBytes: 0, out _);

        if (invalid)
        {
            read.Should().ThrowExactly<RosterValidationException>().Which.Errors.Should().Equal(Errors(document));
        }
        else
        {
            read.Should().NotThrow();
            Dump(roster!).Should().Be(Dump(Sequential(Encoding.UTF8.GetBytes(document))));
        }

        stream.Position.Should().Be(bytes.Length, "the stream is read to its end");
    }

    [Fact]
    public void Read_StreamFailingInsideARecordSection_ThrowsTheIOExceptionWithoutHanging()
    {
        byte[] json = Json(GeneratedRoster);
        int evidenceAt = Encoding.UTF8.GetString(json).IndexOf("\"evidence\":[", StringComparison.Ordinal);
        var stream = new FailingStream(json, failAt: evidenceAt + 5_000);

        Action read = () => RosterReader.Read(stream, initialBufferSize: 16, new ParallelReading(Workers: 2, ChunkBytes: 64), minimumParallelBytes: 0, out _);

        read.Should().ThrowExactly<IOException>().WithMessage("disk gone");
    }

    /// <summary>Asserts that the fast path falls back and reports exactly the sequential read's errors.</summary>
    /// <summary>The generated roster's units and cadres with the given history, as a document.</summary>
    private static string HistoryDocument(List<AnnualGrade> grades, List<BoardPlacement> placements) =>
        Encoding.UTF8.GetString(Json(new Roster
        {
            Period = GeneratedRoster.Period,
            Units = GeneratedRoster.Units,
            Cadres = GeneratedRoster.Cadres,
            AnnualGrades = grades,
            BoardHistory = placements,
        }));

    private static IReadOnlyList<RosterError> AssertSameErrors(string json, string expectedStart, int chunkBytes = 700) =>
        AssertSameErrors(Encoding.UTF8.GetBytes(json), expectedStart, chunkBytes);

    private static IReadOnlyList<RosterError> AssertSameErrors(byte[] bytes, string expectedStart, int chunkBytes)
    {
        Action sequentialRead = () => Sequential(bytes);
        var expected = sequentialRead.Should().ThrowExactly<RosterValidationException>().Which.Errors;
        expected.Should().Contain(e => e.Message.StartsWith(expectedStart, StringComparison.Ordinal));

        bool sequential = false;
        Action parallelRead = () => ReadInParallel(bytes, chunkBytes, out sequential);

        parallelRead.Should().ThrowExactly<RosterValidationException>().Which.Errors.Should().Equal(expected);
        sequential.Should().BeTrue("only the sequential read reports errors");
        return expected;
    }
}

/// <summary>A seekable stream whose reads fail once they reach a position.</summary>
/// <remarks>
/// A MemoryStream subclass sends span reads through <see cref="Stream.Read(Span{byte})"/>, which calls
/// the array overload: overriding that one alone catches every read.
/// </remarks>
internal sealed class FailingStream(byte[] data, int failAt) : MemoryStream(data, writable: false)
{
    public override int Read(byte[] buffer, int offset, int count)
    {
        if (Position + count > failAt)
        {
            throw new IOException("disk gone");
        }

        return base.Read(buffer, offset, count);
    }
}
