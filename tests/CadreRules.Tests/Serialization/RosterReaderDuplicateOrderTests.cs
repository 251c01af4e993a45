using CadreRules.Serialization;
using static CadreRules.Tests.Serialization.RosterDocuments;

namespace CadreRules.Tests.Serialization;

/// <summary>
/// Duplicate record ids, annual-grade keys and board-placement keys are found the same way whether the
/// ids before them ascend and the keys before them come grouped by cadre (both checked without a
/// dictionary) or not, including first uses by elements that built nothing.
/// </summary>
public sealed class RosterReaderDuplicateOrderTests
{
    // Evidence element 0 is not an object (a gap), element 2 builds nothing (no channel); ids ascend to E-9.
    private static string Document(string measures) => $$"""
        {
          "schemaVersion": 1, "period": "2024H2",
          "units": [ { "id": "U-XQ", "name": "兴庆区", "kind": "District" } ],
          "cadres": [ { "id": "C-001", "name": "张三", "unitId": "U-XQ", "rank": "Division" } ],
          "evidence": [
            7,
            { "id": "E-5", "cadreId": "C-001", "date": "2024-05-02", "channel": "Interview", "kind": "Attitude", "attitude": "Positive" },
            { "id": "E-7", "cadreId": "C-001", "date": "2024-05-03", "kind": "Attitude", "attitude": "Positive" },
            { "id": "E-9", "cadreId": "C-001", "date": "2024-05-04", "channel": "Interview", "kind": "Attitude", "attitude": "Positive" }
          ],
          "measures": [ {{measures}} ]
        }
        """;

    private static string Measure(string id) =>
        $$"""{ "id": "{{id}}", "cadreId": "C-001", "date": "2024-01-15", "kind": "ReminderTalk" }""";

    private static List<RosterError> Duplicates(string json) =>
        Errors(json).Where(e => e.Message.StartsWith("duplicate", StringComparison.Ordinal)).ToList();

    [Fact]
    public void Read_IdOutOfOrderMatchingUnbuiltRecord_ReportsTheUnbuiltRecordAsFirstUse()
    {
        string json = Document(Measure("E-7"));

        var errors = Errors(json);

        errors.Select(e => e.Path).Should().Equal("$.evidence[0]", "$.evidence[2].channel", "$.measures[0].id");
        errors[2].Message.Should().Be("duplicate id 'E-7' (first used at $.evidence[2].id); expected evidence and measure ids to be unique (they share one id space)");
    }

    [Fact]
    public void Read_IdOutOfOrderMatchingBuiltRecordAfterGaps_ReportsItsJsonIndex()
    {
        string json = Document($"{Measure("M-1")}, {Measure("E-9")}, {Measure("E-5")}, {Measure("M-1")}");

        var duplicates = Duplicates(json);

        duplicates.Select(e => e.Path).Should().Equal("$.measures[1].id", "$.measures[2].id", "$.measures[3].id");
        duplicates.Select(e => e.Message[..e.Message.IndexOf(';', StringComparison.Ordinal)]).Should().Equal(
            "duplicate id 'E-9' (first used at $.evidence[3].id)",
            "duplicate id 'E-5' (first used at $.evidence[1].id)",
            "duplicate id 'M-1' (first used at $.measures[0].id)");
    }

    [Fact]
    public void Read_DistinctIdsOutOfOrder_AreAccepted()
    {
        string json = Example("\"id\": \"E-1\"", "\"id\": \"E-9\"");

        var roster = Read(json);

        roster.Evidence.Select(e => e.Id).Should().Equal("E-9", "E-2", "E-3", "E-4");
        roster.Measures.Should().ContainSingle().Which.Id.Should().Be("M-1");
    }

    [Fact]
    public void Read_GradeKeyOutOfOrderMatchingUnbuiltGrade_ReportsTheUnbuiltGradeAsFirstUse()
    {
        string json = Example(
            """
            "annualGrades": [ { "cadreId": "C-001", "year": 2023, "grade": "Competent" } ]
            """,
            """
            "annualGrades": [
                "x",
                { "cadreId": "C-001", "year": 2020, "grade": "Competent" },
                { "cadreId": "C-001", "year": 2021 },
                { "cadreId": "C-001", "year": 2023, "grade": "Excellent" },
                { "cadreId": "C-001", "year": 2021, "grade": "Excellent" },
                { "cadreId": "C-001", "year": 2020, "grade": "Excellent" },
                { "cadreId": "C-001", "year": 2022, "grade": "Excellent" }
              ]
            """);

        var duplicates = Duplicates(json);

        duplicates.Select(e => e.Path).Should().Equal("$.annualGrades[4]", "$.annualGrades[5]");
        duplicates[0].Message.Should().Be("duplicate annual grade for cadre 'C-001' and year 2021 (first at $.annualGrades[2]); expected one grade per cadre and year");
        duplicates[1].Message.Should().Be("duplicate annual grade for cadre 'C-001' and year 2020 (first at $.annualGrades[1]); expected one grade per cadre and year");
    }

    [Fact]
    public void Read_GradeKeysOfDifferentCadresOutOfOrder_AreAccepted()
    {
        string cadre2 = """, { "id": "C-000", "name": "王五", "unitId": "U-XQ", "rank": "Section" }""";
        string json = Mutate(
            Example("\"cityManaged\": true }", "\"cityManaged\": true }" + cadre2),
            """{ "cadreId": "C-001", "year": 2023, "grade": "Competent" } ]""",
            """{ "cadreId": "C-001", "year": 2023, "grade": "Competent" }, { "cadreId": "C-000", "year": 2023, "grade": "Competent" }, { "cadreId": "C-001", "year": 2022, "grade": "Competent" } ]""");

        var roster = Read(json);

        roster.AnnualGrades.Select(g => (g.CadreId, g.Year)).Should().Equal(("C-001", 2023), ("C-000", 2023), ("C-001", 2022));
    }

    [Fact]
    public void Read_BoardKeyOutOfOrderMatchingUnbuiltPlacement_ReportsTheUnbuiltPlacementAsFirstUse()
    {
        string json = Example(
            """
            "boardHistory": [ { "cadreId": "C-001", "period": "2024H1", "board": "Yellow" } ]
            """,
            """
            "boardHistory": [
                "x",
                { "cadreId": "C-001", "period": "2022H1", "board": "Red" },
                { "cadreId": "C-001", "period": "2022H2" },
                { "cadreId": "C-001", "period": "2024H1", "board": "Yellow" },
                { "cadreId": "C-001", "period": "2022H2", "board": "Red" },
                { "cadreId": "C-001", "period": "2022H1", "board": "Yellow" },
                { "cadreId": "C-001", "period": "2023H1", "board": "Red" }
              ]
            """);

        var duplicates = Duplicates(json);

        duplicates.Select(e => e.Path).Should().Equal("$.boardHistory[4]", "$.boardHistory[5]");
        duplicates[0].Message.Should().Be("duplicate board placement for cadre 'C-001' in period 2022H2 (first at $.boardHistory[2]); expected one placement per cadre and period");
        duplicates[1].Message.Should().Be("duplicate board placement for cadre 'C-001' in period 2022H1 (first at $.boardHistory[1]); expected one placement per cadre and period");
    }

    [Fact]
    public void Read_BoardKeyRepeatedWhileAscending_IsReportedAgainstTheFirst()
    {
        string json = Example(
            """
            "boardHistory": [ { "cadreId": "C-001", "period": "2024H1", "board": "Yellow" } ]
            """,
            """
            "boardHistory": [
                { "cadreId": "C-001", "period": "2023H1", "board": "Red" },
                { "cadreId": "C-001", "period": "2023H2", "board": "Red" },
                { "cadreId": "C-001", "period": "2023H2", "board": "Yellow" }
              ]
            """);

        var duplicates = Duplicates(json);

        duplicates.Should().ContainSingle().Which.Message.Should().Be(
            "duplicate board placement for cadre 'C-001' in period 2023H2 (first at $.boardHistory[1]); expected one placement per cadre and period");
        duplicates[0].Path.Should().Be("$.boardHistory[2]");
    }

    [Fact]
    public void Read_BoardKeysOutOfOrder_AreAccepted()
    {
        string cadre2 = """, { "id": "C-000", "name": "王五", "unitId": "U-XQ", "rank": "Section" }""";
        string json = Mutate(
            Example("\"cityManaged\": true }", "\"cityManaged\": true }" + cadre2),
            """{ "cadreId": "C-001", "period": "2024H1", "board": "Yellow" }""",
            """{ "cadreId": "C-001", "period": "2024H1", "board": "Yellow" }, { "cadreId": "C-000", "period": "2024H1", "board": "Red" }, { "cadreId": "C-001", "period": "2023H2", "board": "Red" }""");

        var roster = Read(json);

        roster.BoardHistory.Select(b => (b.CadreId, b.Period.ToString())).Should().Equal(("C-001", "2024H1"), ("C-000", "2024H1"), ("C-001", "2023H2"));
    }

    // More keys for one cadre than the reader compares one by one: the dictionary takes over, same result.
    [Fact]
    public void Read_ManyGradesForOneCadre_AreAcceptedAndADuplicateIsReportedAgainstTheFirst()
    {
        string Grades(int extra) => string.Join(", ", Enumerable.Range(0, 40).Select(i => 2023 - i).Concat(Enumerable.Repeat(2023, extra))
            .Select(y => $$"""{ "cadreId": "C-001", "year": {{y}}, "grade": "Competent" }"""));
        string original = """
            "annualGrades": [ { "cadreId": "C-001", "year": 2023, "grade": "Competent" } ]
            """;

        var roster = Read(Example(original, $"\"annualGrades\": [ {Grades(0)} ]"));
        var duplicates = Duplicates(Example(original, $"\"annualGrades\": [ {Grades(1)} ]"));

        roster.AnnualGrades.Should().HaveCount(40);
        duplicates.Should().ContainSingle().Which.Message.Should().Be(
            "duplicate annual grade for cadre 'C-001' and year 2023 (first at $.annualGrades[0]); expected one grade per cadre and year");
        duplicates[0].Path.Should().Be("$.annualGrades[40]");
    }
}
