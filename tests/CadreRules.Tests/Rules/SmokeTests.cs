using CadreRules.Testing;

namespace CadreRules.Tests.Rules;

public sealed class SmokeTests
{
    [Fact]
    public void Evaluate_SpecExample_ProducesExpectedKinds()
    {
        var roster = new RosterBuilder("2024H2")
            .Unit("U-XQ", UnitKind.District, u => u.Series("GDP", 2021, 830, 812.5, 790.1).Project("P-7", 0.8m, 0.55m, "2025-06-30"))
            .Cadre("C-001", "U-XQ", CadreRank.Division, leadership: true)
            .WorkStyle("C-001", "2024-09-10", WorkStyleProblem.Delaying, Severity.Serious, FindingStatus.Verified, id: "E-1")
            .NegativeList("C-001", "2024-05-02", NegativeListCategory.Cliques, FindingStatus.EarlySign, id: "E-2")
            .KeyTask("C-001", "2024-03-15", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-3")
            .Attitude("C-001", "2024-11-20", id: "E-4")
            .Grade("C-001", 2023, AnnualGradeLevel.Competent)
            .Measure("C-001", "2024-01-15", MeasureKind.ReminderTalk, id: "M-1")
            .Board("C-001", "2024H1", Board.Yellow)
            .Build();
        var evaluator = new CadreEvaluator(CadreRuleSet.CreateDefault());

        var report = evaluator.Evaluate(roster);

        foreach (var d in report.Decisions)
        {
            Console.WriteLine($"{d.Subject} {d.Kind} [{string.Join(",", d.Rules)}] ev=[{string.Join(",", d.Evidence)}] {string.Join(" | ", d.Details.Select(kv => kv.Key + "=" + DetailKeys.Format(kv.Value)))} :: {string.Join(" / ", d.Reasons)}");
        }

        report.Decisions.Select(d => d.Kind.Name).Should().BeEquivalentTo(
            "ScheduledAssessment", "SpecialInspection", "Adjustment", "Admonishment", "NegativeListEntry", "ReminderTalk", "YellowBoard");
    }
}
