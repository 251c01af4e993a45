using System.Text;
using System.Text.Json;
using CadreRules.Serialization;

namespace CadreRules.Tests.Serialization;

public sealed class ReportWriterTests
{
    private static readonly AssessmentPeriod Period = new(2024, PeriodHalf.H2);
    private static readonly OutcomeStatistics Statistics = new(new DateOnly(2023, 1, 1), 1, 2, 3);

    private static Decision Adjustment() => new(
        DecisionKind.Adjustment,
        "C-001",
        ["ASSESS-03"],
        ["E-1"],
        ["Verified serious work-style problem (Delaying, E-1) in a unit under special inspection"],
        new Dictionary<string, object> { [DetailKeys.Form] = "PostTransfer" });

    private static AssessmentReport Report(params Decision[] decisions) =>
        new("yinchuan-2024", 1, Period, new DateOnly(2024, 12, 31), decisions, Statistics);

    [Fact]
    public void ToJson_SpecExample_WritesExactDocument()
    {
        string json = ReportWriter.ToJson(Report(Adjustment()));

        json.Should().Be("""
            {
              "schemaVersion": 1,
              "policy": "yinchuan-2024",
              "policyVersion": 1,
              "period": "2024H2",
              "asOf": "2024-12-31",
              "decisions": [
                {
                  "kind": "Adjustment",
                  "subject": "C-001",
                  "rules": [
                    "ASSESS-03"
                  ],
                  "evidence": [
                    "E-1"
                  ],
                  "reasons": [
                    "Verified serious work-style problem (Delaying, E-1) in a unit under special inspection"
                  ],
                  "details": {
                    "form": "PostTransfer"
                  }
                }
              ],
              "counts": {
                "Adjustment": 1
              },
              "statistics": {
                "since": "2023-01-01",
                "redPromoted": 1,
                "yellowReminded": 2,
                "yellowAdjusted": 3
              }
            }
            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void ToJson_NotIndented_WritesOneLine()
    {
        string json = ReportWriter.ToJson(Report(Adjustment()), indented: false);

        json.Should().StartWith("""{"schemaVersion":1,"policy":"yinchuan-2024","policyVersion":1,"period":"2024H2","asOf":"2024-12-31","decisions":[{"kind":"Adjustment",""")
            .And.NotContain("\n").And.NotContain(" \"");
    }

    [Fact]
    public void ToJson_DecisionWithoutDetails_WritesEmptyObjectAndEmptyEvidence()
    {
        var decision = new Decision(DecisionKind.RedBoard, "C-002", ["BOARD-01"], [], ["Outstanding in WorkSafety"], new Dictionary<string, object>());

        using var document = JsonDocument.Parse(ReportWriter.ToJson(Report(decision)));

        var written = document.RootElement.GetProperty("decisions")[0];
        written.EnumerateObject().Select(p => p.Name).Should().Equal("kind", "subject", "rules", "evidence", "reasons", "details");
        written.GetProperty("details").ValueKind.Should().Be(JsonValueKind.Object);
        written.GetProperty("details").EnumerateObject().Should().BeEmpty();
        written.GetProperty("evidence").GetArrayLength().Should().Be(0);
        ReportWriter.ToJson(Report(decision), indented: false).Should().Contain("\"evidence\":[],\"reasons\":[\"Outstanding in WorkSafety\"],\"details\":{}}");
    }

    [Fact]
    public void ToJson_DetailValues_WritesDatesListsAndKeysInOrdinalOrder()
    {
        var details = new Dictionary<string, object>
        {
            [DetailKeys.Status] = "InInfluencePeriod",
            [DetailKeys.PromotionEligibleFrom] = new DateOnly(2025, 2, 28),
            [DetailKeys.Measure] = "M-1",
            [DetailKeys.LeadershipEligibleFrom] = new DateOnly(2024, 8, 31),
            ["Zeta"] = new[] { "b", "a" },
            ["channels"] = new List<string> { "Audit", "Inspection" },
        };
        var decision = new Decision(DecisionKind.Tracking, "C-003", ["MECH-05"], ["M-1"], ["tracked"], details);

        using var document = JsonDocument.Parse(ReportWriter.ToJson(Report(decision)));

        var written = document.RootElement.GetProperty("decisions")[0].GetProperty("details");
        written.EnumerateObject().Select(p => p.Name).Should().Equal(
            "Zeta", "channels", "leadershipEligibleFrom", "measure", "promotionEligibleFrom", "status");
        written.GetProperty("promotionEligibleFrom").GetString().Should().Be("2025-02-28");
        written.GetProperty("leadershipEligibleFrom").GetString().Should().Be("2024-08-31");
        written.GetProperty("channels").EnumerateArray().Select(e => e.GetString()).Should().Equal("Audit", "Inspection");
        written.GetProperty("Zeta").EnumerateArray().Select(e => e.GetString()).Should().Equal("b", "a");
    }

    [Fact]
    public void ToJson_ChineseText_IsWrittenUnescaped()
    {
        var decision = new Decision(
            DecisionKind.SpecialInspection, "U-兴庆", ["ASSESS-02"], [], ["经济指标逐年下滑 <GDP> & \"项目\""],
            new Dictionary<string, object> { [DetailKeys.Projects] = new[] { "东环路改造" } });

        string json = ReportWriter.ToJson(Report(decision));

        json.Should().Contain("\"subject\": \"U-兴庆\"")
            .And.Contain("\"经济指标逐年下滑 <GDP> & \\\"项目\\\"\"")
            .And.Contain("\"东环路改造\"")
            .And.NotContain("\\u");
    }

    [Fact]
    public void Write_SameReportTwice_WritesIdenticalBytesMatchingToJson()
    {
        var report = Report(
            Adjustment(),
            new Decision(DecisionKind.PromotionBlocked, "C-009", ["MECH-04"], ["M-2", "M-3"], ["blocked", "另一个原因"],
                new Dictionary<string, object> { [DetailKeys.EligibleFrom] = new DateOnly(2025, 3, 1) }));
        using var first = new MemoryStream();
        using var second = new MemoryStream();

        ReportWriter.Write(report, first);
        ReportWriter.Write(report, second);

        first.ToArray().Should().Equal(second.ToArray());
        Encoding.UTF8.GetString(first.ToArray()).Should().Be(ReportWriter.ToJson(report));
        first.ToArray().Should().NotContain((byte)'\r');
    }

    [Fact]
    public void Write_Counts_FollowTheReportsOrder()
    {
        var report = Report(
            Adjustment(),
            new Decision(DecisionKind.YellowBoard, "C-001", ["BOARD-02"], ["E-1"], ["yellow"], new Dictionary<string, object>()),
            new Decision(DecisionKind.Admonishment, "C-002", ["MECH-02"], [], ["admonish"], new Dictionary<string, object>()));

        using var document = JsonDocument.Parse(ReportWriter.ToJson(report));

        document.RootElement.GetProperty("counts").EnumerateObject().Select(p => (p.Name, p.Value.GetInt32()))
            .Should().Equal(("Adjustment", 1), ("Admonishment", 1), ("YellowBoard", 1));
        document.RootElement.GetProperty("decisions").EnumerateArray().Select(d => d.GetProperty("kind").GetString())
            .Should().Equal("Adjustment", "YellowBoard", "Admonishment");
    }

    [Fact]
    public void Counts_KindNamesEqualInTextButNotInstance_CountAsOneKind()
    {
        // A host kind made twice from built strings: two name instances, one kind.
        var first = new DecisionKind(new string("FollowUp".AsSpan()));
        var second = new DecisionKind(string.Concat("Follow", "Up"));
        ReferenceEquals(first.Name, second.Name).Should().BeFalse();
        var report = Report(
            new Decision(first, "C-001", ["HOST-20"], [], ["a"], new Dictionary<string, object>()),
            new Decision(DecisionKind.YellowBoard, "C-001", ["BOARD-02"], [], ["yellow"], new Dictionary<string, object>()),
            new Decision(second, "C-002", ["HOST-20"], [], ["b"], new Dictionary<string, object>()));

        report.Counts.Should().Equal(new Dictionary<string, int> { ["FollowUp"] = 2, ["YellowBoard"] = 1 });
        report.Counts.Keys.Should().Equal("FollowUp", "YellowBoard");
    }

    [Fact]
    public void Write_NullArguments_Throw()
    {
        Action noReport = () => ReportWriter.Write(null!, new MemoryStream());
        Action noStream = () => ReportWriter.Write(Report(), null!);
        Action noReportToJson = () => ReportWriter.ToJson(null!);

        noReport.Should().ThrowExactly<ArgumentNullException>().WithParameterName("report");
        noStream.Should().ThrowExactly<ArgumentNullException>().WithParameterName("utf8Output");
        noReportToJson.Should().ThrowExactly<ArgumentNullException>().WithParameterName("report");
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(true, 5_000)]
    [InlineData(false, 1)]
    public void Write_DecisionsFormattedInParallel_WritesSameBytesAsOneThread(bool indented, int parallelMinimum)
    {
        var roster = CadreRules.Generation.RosterGenerator.Generate(6_000, seed: 4);
        var report = new CadreEvaluator(CadreRuleSet.CreateDefault()).Evaluate(roster);
        report.Decisions.Count.Should().BeGreaterThan(4_096, "the report spans several blocks of decisions");

        byte[] Bytes(int minimum)
        {
            using var stream = new MemoryStream();
            ReportWriter.Write(report, stream, indented, minimum);
            return stream.ToArray();
        }

        byte[] sequential = Bytes(int.MaxValue);
        byte[] parallel = Bytes(parallelMinimum);

        parallel.Should().Equal(sequential);
        JsonDocument.Parse(parallel).RootElement.GetProperty("decisions").GetArrayLength().Should().Be(report.Decisions.Count);
    }
}
