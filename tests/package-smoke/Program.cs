// The package smoke app (tests/package-smoke/run.sh copies it into a fresh console project that
// references the packed CadreRules and CadreRules.Testing packages). It prints "smoke: ok" last
// only when every check passed.
using System.Text;
using CadreRules;
using CadreRules.Rules;
using CadreRules.Serialization;
using CadreRules.Testing;
using Microsoft.Extensions.DependencyInjection;
using NRules.Fluent.Dsl;

var roster = new Roster
{
    Period = AssessmentPeriod.Parse("2024H2"),
    Units = [new Unit { Id = "U-1", Name = "兴庆区", Kind = UnitKind.District }],
    Cadres =
    [
        new Cadre { Id = "C-1", Name = "张三", UnitId = "U-1", Rank = CadreRank.Division, Leadership = true },
        new Cadre { Id = "C-2", Name = "李四", UnitId = "U-1", Rank = CadreRank.Section },
    ],
    Evidence =
    [
        new WorkStyleEvidence
        {
            Id = "E-1", CadreId = "C-1", Date = new DateOnly(2024, 9, 10), Channel = EvidenceChannel.Supervision,
            WorkStyle = WorkStyleProblem.Delaying, Severity = Severity.Serious, Status = FindingStatus.Verified,
        },
        new KeyTaskEvidence
        {
            Id = "E-2", CadreId = "C-2", Date = new DateOnly(2024, 10, 1), Channel = EvidenceChannel.KeyTaskReview,
            Task = KeyTaskKind.WorkSafety, Rating = KeyTaskRating.Outstanding,
        },
    ],
};

using var services = new ServiceCollection()
    .AddCadreRules(options => options.RecentWindowMonths = 12)
    .AddCadreRule<SmokeRule>()
    .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
var report = services.GetRequiredService<ICadreEvaluator>().Evaluate(roster);

using var json = new MemoryStream();
ReportWriter.Write(report, json);
Console.WriteLine(Encoding.UTF8.GetString(json.ToArray()));

var failures = new List<string>();
void Check(bool condition, string what)
{
    if (!condition)
    {
        failures.Add(what);
    }
}

Check(report.Policy == "yinchuan-2024" && report.PolicyVersion == 1, "policy yinchuan-2024 v1");
Check(report.For("C-1").Any(d => d.Kind == DecisionKind.YellowBoard), "C-1 on the yellow board");
Check(report.For("C-2").Any(d => d.Kind == DecisionKind.RedBoard), "C-2 on the red board");
Check(report.For("C-1").Any(d => d.Kind.Name == "Smoke" && d.Rules.Contains("SMOKE-01")), "the host rule's decision");

var harness = new CadreRulesHarness().AddRule<SmokeRule>().Evaluate(new RosterBuilder("2024H2")
    .Cadre("C-1", "U-1", CadreRank.Division, leadership: true)
    .WorkStyle("C-1", "2024-09-10"));
harness.Fired("SMOKE-01").For("C-1");
harness.NotFired("BOARD-01");
try
{
    harness.Fired("BOARD-01");
    failures.Add("the harness accepted a rule that did not fire");
}
catch (CadreRulesAssertionException)
{
}

foreach (var failure in failures)
{
    Console.WriteLine($"smoke: FAILED: {failure}");
}

Console.WriteLine(failures.Count == 0 ? "smoke: ok" : "smoke: failed");
return failures.Count == 0 ? 0 : 1;

/// <summary>A host rule: a yellow-board leading cadre gets a decision of a host kind.</summary>
[Name("SMOKE-01")]
public sealed class SmokeRule : Rule
{
    public override void Define()
    {
        Cadre cadre = null!;
        Proposal yellow = null!;

        When()
            .Match(() => cadre, c => c.Leadership)
            .Match(() => yellow, p => p.Kind == DecisionKind.YellowBoard, p => p.Subject == cadre.Id);

        Then()
            .Do(ctx => ctx.Propose(new DecisionKind("Smoke"), cadre.Id, "Smoke test.", yellow.Evidence, null));
    }
}
