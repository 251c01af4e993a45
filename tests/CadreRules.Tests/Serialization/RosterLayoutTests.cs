using CadreRules.Generation;
using CadreRules.Serialization;
using static CadreRules.Tests.Serialization.RosterDocuments;

namespace CadreRules.Tests.Serialization;

/// <summary>
/// <see cref="RosterReader"/> notes how the records came grouped (<see cref="RosterLayout"/>), and the
/// engine's index takes those groupings as they are. The layout must describe the lists exactly, must
/// be left out for a section whose records are not in owner order, and must never change a report.
/// </summary>
public sealed class RosterLayoutTests
{
    private static readonly Roster Generated = RosterGenerator.Generate(1_200, seed: 8);
    private static readonly CadreEvaluator Evaluator = new(CadreRuleSet.CreateDefault());

    /// <summary>The same lists in a roster without a layout: the index groups them itself.</summary>
    private static Roster WithoutLayout(Roster roster) => new()
    {
        Period = roster.Period,
        AsOfOverride = roster.AsOfOverride,
        Units = roster.Units,
        Cadres = roster.Cadres,
        Evidence = roster.Evidence,
        AnnualGrades = roster.AnnualGrades,
        Measures = roster.Measures,
        BoardHistory = roster.BoardHistory,
    };

    [Theory]
    [InlineData(0)]
    [InlineData(64)]
    [InlineData(4096)]
    public void Read_GroupedRoster_EverySectionGroupedAndExact(int chunkBytes)
    {
        byte[] json = Json(Generated);

        var roster = chunkBytes == 0 ? RosterReader.Read(json) : ReadInParallel(json, chunkBytes, out _);

        var layout = roster.Layout!;
        layout.CadreStarts.Should().NotBeNull();
        layout.EvidenceStarts.Should().NotBeNull();
        layout.GradeStarts.Should().NotBeNull();
        layout.MeasureStarts.Should().NotBeNull();
        layout.BoardStarts.Should().NotBeNull();
        AssertLayout(roster);
        DumpLayout(roster).Should().Be(DumpLayout(RosterReader.Read(json)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(256)]
    public void Read_OneSectionOutOfOrder_OnlyThatSectionUngrouped_AndSameReport(int chunkBytes)
    {
        // Evidence in reverse (owners decrease), grades with one record moved to the end (owners
        // decrease once, at a chunk boundary or inside a chunk), and the first two units swapped, so
        // that the cadres, still in their order, no longer come in unit order.
        var grades = Generated.AnnualGrades.ToList();
        var moved = grades[0];
        grades.RemoveAt(0);
        grades.Add(moved);
        var units = Generated.Units.ToList();
        (units[0], units[1]) = (units[1], units[0]);
        var disordered = new Roster
        {
            Period = Generated.Period,
            Units = units,
            Cadres = Generated.Cadres,
            Evidence = [.. Generated.Evidence.Reverse()],
            AnnualGrades = grades,
            Measures = Generated.Measures,
            BoardHistory = Generated.BoardHistory,
        };
        byte[] json = Json(disordered);

        var roster = chunkBytes == 0 ? RosterReader.Read(json) : ReadInParallel(json, chunkBytes, out _);

        var layout = roster.Layout!;
        layout.CadreStarts.Should().BeNull();
        layout.EvidenceStarts.Should().BeNull();
        layout.GradeStarts.Should().BeNull();
        layout.MeasureStarts.Should().NotBeNull();
        layout.BoardStarts.Should().NotBeNull();
        AssertLayout(roster);
        ReportWriter.ToJson(Evaluator.Evaluate(roster)).Should().Be(ReportWriter.ToJson(Evaluator.Evaluate(WithoutLayout(roster))));
    }

    [Fact]
    public void Read_ReferencesSkippingEscapedAndNonAscii_ResolveToTheirCadres()
    {
        // The reader guesses that a record names the cadre after the previous record's; skips, ids
        // that share a prefix, escapes and non-ASCII ids must all still resolve to the right cadre.
        string[] cadreIds = ["C-1", "C-10", "C-2", "干部-3", "C-4", "C-5"];
        string[] references = ["C-1", "C-10", "C-10", "C\\u002d2", "干部-3", "C-5", "C-5"];
        string cadres = string.Join(",", cadreIds.Select(id => $$"""{ "id": "{{id}}", "name": "张三", "unitId": "U-1", "rank": "Section" }"""));
        string evidence = string.Join(",", references.Select((id, i) =>
            $$"""{ "id": "E-{{i}}", "cadreId": "{{id}}", "date": "2024-05-02", "channel": "Interview", "kind": "Attitude", "attitude": "Positive" }"""));
        string json = $$"""
            { "schemaVersion": 1, "period": "2024H2",
              "units": [ { "id": "U-1", "name": "兴庆区", "kind": "District" } ],
              "cadres": [ {{cadres}} ], "evidence": [ {{evidence}} ] }
            """;

        var roster = Read(json);

        roster.Evidence.Select(e => e.CadreId).Should().Equal("C-1", "C-10", "C-10", "C-2", "干部-3", "C-5", "C-5");
        foreach (var e in roster.Evidence)
        {
            ReferenceEquals(e.CadreId, roster.Cadres.Single(c => c.Id == e.CadreId).Id).Should().BeTrue("a reference shares its cadre's id string");
        }

        roster.Layout!.EvidenceStarts.Should().Equal(0, 1, 3, 4, 5, 5, 7);
    }

    [Fact]
    public void Evaluate_ReadRoster_SameReportWithAndWithoutLayout()
    {
        var roster = RosterReader.Read(Json(Generated));

        var report = ReportWriter.ToJson(Evaluator.Evaluate(roster));

        report.Should().Be(ReportWriter.ToJson(Evaluator.Evaluate(WithoutLayout(roster))));
        report.Should().Be(ReportWriter.ToJson(Evaluator.Evaluate(Generated)));
    }

    [Fact]
    public void Evaluate_ListChangedBehindItsInterface_LayoutIgnored()
    {
        // Not a supported use, but a changed count must not be misread through a stale layout.
        var roster = RosterReader.Read(Json(Generated));
        var evidence = (List<Evidence>)roster.Evidence;
        evidence.RemoveAt(0);

        roster.Layout!.Describes(roster).Should().BeFalse();
        ReportWriter.ToJson(Evaluator.Evaluate(roster)).Should().Be(ReportWriter.ToJson(Evaluator.Evaluate(WithoutLayout(roster))));
    }

    [Fact]
    public void Evaluate_RosterBuiltInCode_HasNoLayout()
    {
        Generated.Layout.Should().BeNull();
        WithoutLayout(Generated).Layout.Should().BeNull();
    }

    [Fact]
    public void OwnerRuns_RunsAcrossChunks_GiveEachOwnersFirstRecord()
    {
        // Owners 0 0 | 0 2 2 | (empty) | 2 3 over five owners; owner 1 and 4 have none.
        var whole = new OwnerRuns();
        whole.Begin(owners: 5);
        foreach (int owner in new[] { 0, 0 })
        {
            whole.Add(owner);
        }

        var second = new OwnerRuns();
        foreach (int owner in new[] { 0, 2, 2 })
        {
            second.Add(owner);
        }

        var fourth = new OwnerRuns();
        fourth.Add(2);
        fourth.Add(3);
        whole.Append(second);
        whole.Append(new OwnerRuns());
        whole.Append(fourth);

        whole.Starts(owners: 5, records: 8).Should().BeNull("a record was not noted");
        whole.Starts(owners: 4, records: 7).Should().BeNull("the section began with five owners");
        whole.Starts(owners: 5, records: 7).Should().Equal(0, 3, 3, 6, 7, 7);
        new OwnerRuns().Starts(owners: 2, records: 0).Should().Equal(0, 0, 0);
    }

    [Fact]
    public void OwnerRuns_OwnerOutOfRangeOrSectionBegunTwice_NoStarts()
    {
        var outOfRange = new OwnerRuns();
        outOfRange.Begin(owners: 2);
        outOfRange.Add(0);
        outOfRange.Add(2);
        outOfRange.Starts(owners: 2, records: 2).Should().BeNull();

        var twice = new OwnerRuns();
        twice.Begin(owners: 2);
        twice.Add(0);
        twice.Begin(owners: 2);
        twice.Add(1);
        twice.Starts(owners: 2, records: 2).Should().BeNull();

        var first = new OwnerRuns();
        first.Begin(owners: 3);
        first.Add(2);
        first.Add(2);
        first.Starts(owners: 3, records: 2).Should().Equal(0, 0, 0, 2);
    }

    [Theory]
    [InlineData(new[] { 1, 0 }, new int[0])]
    [InlineData(new[] { 0, -1 }, new int[0])]
    [InlineData(new[] { 0, 1 }, new[] { 0 })]
    [InlineData(new[] { 1 }, new[] { -1 })]
    [InlineData(new[] { -1 }, new int[0])]
    [InlineData(new[] { -1, 0 }, new int[0])]
    [InlineData(new int[0], new[] { -1, 0 })]
    public void OwnerRuns_DecreasingOrUnresolvedOwner_NoStarts(int[] first, int[] chunk)
    {
        var runs = new OwnerRuns();
        runs.Begin(owners: 3);
        foreach (int owner in first)
        {
            runs.Add(owner);
        }

        var appended = new OwnerRuns();
        foreach (int owner in chunk)
        {
            appended.Add(owner);
        }

        runs.Append(appended);

        runs.Starts(owners: 3, records: first.Length + chunk.Length).Should().BeNull();
    }

    [Fact]
    public void OwnerRuns_ChunkGoingOnWithTheLastOwner_OneRun()
    {
        var runs = new OwnerRuns();
        runs.Begin(owners: 3);
        runs.Add(0);
        runs.Add(1);
        var chunk = new OwnerRuns();
        chunk.Add(1);
        chunk.Add(2);
        runs.Append(chunk);

        runs.Starts(owners: 3, records: 4).Should().Equal(0, 1, 3, 4);
    }
}
