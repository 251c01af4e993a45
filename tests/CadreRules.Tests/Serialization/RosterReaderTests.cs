using System.Text;
using CadreRules.Serialization;
using static CadreRules.Tests.Serialization.RosterDocuments;

namespace CadreRules.Tests.Serialization;

public sealed class RosterReaderTests
{
    [Fact]
    public void Read_SpecExample_ReadsEveryField()
    {
        var roster = Read(SpecExample);

        roster.SchemaVersion.Should().Be(1);
        roster.Period.Should().Be(new AssessmentPeriod(2024, PeriodHalf.H2));
        roster.AsOfOverride.Should().Be(new DateOnly(2024, 12, 31));

        var unit = roster.Units.Should().ContainSingle().Subject;
        unit.Id.Should().Be("U-XQ");
        unit.Name.Should().Be("兴庆区");
        unit.Kind.Should().Be(UnitKind.District);
        unit.UnderStationedInspection.Should().BeFalse();
        unit.Indicators.Select(i => (i.Name, i.Year, i.Value)).Should().Equal(("GDP", 2022, 812.5), ("GDP", 2023, 790.1));
        var project = unit.Projects.Should().ContainSingle().Subject;
        project.Id.Should().Be("P-7");
        project.Name.Should().Be("东环路改造");
        project.PlannedProgress.Should().Be(0.8m);
        project.ActualProgress.Should().Be(0.55m);
        project.Due.Should().Be(new DateOnly(2025, 6, 30));

        var cadre = roster.Cadres.Should().ContainSingle().Subject;
        (cadre.Id, cadre.Name, cadre.UnitId, cadre.Rank, cadre.Leadership, cadre.CityManaged)
            .Should().Be(("C-001", "张三", "U-XQ", CadreRank.Division, true, true));

        roster.Evidence.Should().HaveCount(4);
        var e1 = roster.Evidence[0].Should().BeOfType<WorkStyleEvidence>().Subject;
        (e1.Id, e1.CadreId, e1.Date, e1.Channel, e1.WorkStyle, e1.Severity, e1.Status).Should().Be(
            ("E-1", "C-001", new DateOnly(2024, 9, 10), EvidenceChannel.Supervision, WorkStyleProblem.Delaying, Severity.Serious, FindingStatus.Verified));
        var e2 = roster.Evidence[1].Should().BeOfType<NegativeListEvidence>().Subject;
        (e2.Id, e2.Date, e2.Channel, e2.Category, e2.Status).Should().Be(
            ("E-2", new DateOnly(2024, 5, 2), EvidenceChannel.Interview, NegativeListCategory.Cliques, FindingStatus.EarlySign));
        var e3 = roster.Evidence[2].Should().BeOfType<KeyTaskEvidence>().Subject;
        (e3.Id, e3.Channel, e3.Task, e3.Rating).Should().Be(("E-3", EvidenceChannel.KeyTaskReview, KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding));
        var e4 = roster.Evidence[3].Should().BeOfType<AttitudeEvidence>().Subject;
        (e4.Id, e4.Date, e4.Attitude).Should().Be(("E-4", new DateOnly(2024, 11, 20), AttitudeRating.Positive));

        var grade = roster.AnnualGrades.Should().ContainSingle().Subject;
        (grade.CadreId, grade.Year, grade.Grade).Should().Be(("C-001", 2023, AnnualGradeLevel.Competent));
        var measure = roster.Measures.Should().ContainSingle().Subject;
        (measure.Id, measure.CadreId, measure.Date, measure.Kind).Should().Be(("M-1", "C-001", new DateOnly(2024, 1, 15), MeasureKind.ReminderTalk));
        var placement = roster.BoardHistory.Should().ContainSingle().Subject;
        (placement.CadreId, placement.Period, placement.Board).Should().Be(("C-001", new AssessmentPeriod(2024, PeriodHalf.H1), Board.Yellow));
    }

    [Fact]
    public void Read_AsOfAbsent_DefaultsToPeriodEnd()
    {
        var roster = Read(Example("\"asOf\": \"2024-12-31\",", string.Empty));

        roster.AsOfOverride.Should().BeNull();
        roster.AsOf.Should().Be(new DateOnly(2024, 12, 31));
    }

    [Fact]
    public void Read_EnumValuesInAnyCase_ParseToCanonicalValues()
    {
        string json = Example("\"kind\": \"District\"", "\"kind\": \"dIsTrIcT\"");
        json = Mutate(json, "\"status\": \"Verified\"", "\"status\": \"verified\"");
        json = Mutate(json, "\"rank\": \"Division\"", "\"rank\": \"DIVISION\"");
        json = Mutate(json, "\"period\": \"2024H1\"", "\"period\": \"2024h1\"");
        json = Mutate(json, "\"board\": \"Yellow\"", "\"board\": \"yellow\"");

        var roster = Read(json);

        roster.Units[0].Kind.Should().Be(UnitKind.District);
        roster.Cadres[0].Rank.Should().Be(CadreRank.Division);
        roster.Evidence[0].Should().BeOfType<WorkStyleEvidence>().Which.Status.Should().Be(FindingStatus.Verified);
        roster.BoardHistory[0].Period.ToString().Should().Be("2024H1");
        roster.BoardHistory[0].Board.ToString().Should().Be("Yellow");
    }

    [Fact]
    public void Read_KindAfterKindSpecificFields_BuildsTheKindsSubclass()
    {
        string json = Example(
            "\"channel\": \"Supervision\",\n      \"kind\": \"WorkStyle\", \"workStyle\": \"Delaying\", \"severity\": \"Serious\", \"status\": \"Verified\" }",
            "\"severity\": \"Minor\", \"status\": \"EarlySign\", \"workStyle\": \"Lax\", \"channel\": \"Audit\", \"kind\": \"WorkStyle\" }");

        var evidence = Read(json).Evidence[0].Should().BeOfType<WorkStyleEvidence>().Subject;

        (evidence.WorkStyle, evidence.Severity, evidence.Status, evidence.Channel)
            .Should().Be((WorkStyleProblem.Lax, Severity.Minor, FindingStatus.EarlySign, EvidenceChannel.Audit));
    }

    [Fact]
    public void Read_OnlyRequiredRootFields_GivesEmptyCollections()
    {
        var roster = Read("""{ "period": "2023H1", "schemaVersion": 1 }""");

        roster.Period.Should().Be(new AssessmentPeriod(2023, PeriodHalf.H1));
        roster.AsOf.Should().Be(new DateOnly(2023, 6, 30));
        roster.Units.Should().BeEmpty();
        roster.Cadres.Should().BeEmpty();
        roster.Evidence.Should().BeEmpty();
        roster.AnnualGrades.Should().BeEmpty();
        roster.Measures.Should().BeEmpty();
        roster.BoardHistory.Should().BeEmpty();
    }

    [Fact]
    public void Read_OptionalFieldsAbsent_UseDefaults()
    {
        string json = Example("\"underStationedInspection\": false,", string.Empty);
        json = Mutate(json, ", \"leadership\": true, \"cityManaged\": true", string.Empty);
        json = Mutate(json, ", \"due\": \"2025-06-30\"", string.Empty);

        var roster = Read(json);

        roster.Units[0].UnderStationedInspection.Should().BeFalse();
        roster.Cadres[0].Leadership.Should().BeFalse();
        roster.Cadres[0].CityManaged.Should().BeFalse();
        roster.Units[0].Projects[0].Due.Should().BeNull();
    }

    [Fact]
    public void Read_DueNull_MeansNoDueDate()
    {
        var roster = Read(Example("\"due\": \"2025-06-30\"", "\"due\": null"));

        roster.Units[0].Projects[0].Due.Should().BeNull();
    }

    [Fact]
    public void Read_ProgressValues_AreExactDecimals()
    {
        var roster = Read(Example("\"plannedProgress\": 0.8, \"actualProgress\": 0.55", "\"plannedProgress\": 0.6, \"actualProgress\": 0.4"));

        var project = roster.Units[0].Projects[0];
        (project.PlannedProgress - project.ActualProgress).Should().Be(0.2m);
    }

    [Fact]
    public void Read_ReferencesBeforeDefinitions_AreAccepted()
    {
        const string json = """
            {
              "evidence": [ { "id": "E-1", "cadreId": "C-1", "date": "2024-01-02", "channel": "Audit", "kind": "Attitude", "attitude": "Negative" } ],
              "cadres": [ { "id": "C-1", "name": "李四", "unitId": "U-1", "rank": "Section" } ],
              "units": [ { "id": "U-1", "name": "园区", "kind": "Park" } ],
              "asOf": "2024-03-01",
              "period": "2024H1",
              "schemaVersion": 1
            }
            """;

        var roster = Read(json);

        roster.Evidence.Should().ContainSingle().Which.CadreId.Should().Be("C-1");
        roster.Cadres.Should().ContainSingle().Which.UnitId.Should().Be("U-1");
    }

    [Fact]
    public void Read_ReferenceToKnownCadre_SharesTheCadresIdString()
    {
        var roster = Read(SpecExample);

        roster.Evidence[0].CadreId.Should().BeSameAs(roster.Cadres[0].Id);
        roster.Cadres[0].UnitId.Should().BeSameAs(roster.Units[0].Id);
    }

    [Fact]
    public void Read_EscapedNamesAndValues_AreUnescaped()
    {
        string json = Example("\"rank\": \"Division\"", "\"r\\u0061nk\": \"Divisio\\u006E\"");
        json = Mutate(json, "\"name\": \"张三\"", "\"name\": \"\\u5F20\\u4E09\"");

        var roster = Read(json);

        roster.Cadres[0].Rank.Should().Be(CadreRank.Division);
        roster.Cadres[0].Name.Should().Be("张三");
    }

    [Fact]
    public void Read_Utf8ByteOrderMark_IsIgnored()
    {
        byte[] withBom = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(SpecExample)];

        var fromSpan = RosterReader.Read(withBom);
        var fromStream = RosterReader.Read(new MemoryStream(withBom));

        Dump(fromSpan).Should().Be(Dump(Read(SpecExample)));
        Dump(fromStream).Should().Be(Dump(fromSpan));
    }

    [Fact]
    public void ReadFile_SpecExample_ReadsSameAsBytes()
    {
        string path = Path.Combine(Path.GetTempPath(), $"roster-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, SpecExample, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        try
        {
            Dump(RosterReader.ReadFile(path)).Should().Be(Dump(Read(SpecExample)));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_NullStream_Throws()
    {
        Action read = () => RosterReader.Read((Stream)null!);

        read.Should().ThrowExactly<ArgumentNullException>().WithParameterName("utf8Json");
    }
}
