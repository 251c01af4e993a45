using CadreRules.Testing;

namespace CadreRules.Tests.Explanations;

public sealed class ExplanationTests
{
    private static readonly Lazy<CadreEvaluator> Evaluator = new(() => new CadreEvaluator(CadreRuleSet.CreateDefault()));

    private static CadreExplanation Explain(RosterBuilder builder, string cadreId = "C-1") =>
        Evaluator.Value.Explain(builder.Build(), cadreId);

    private static string Text(CadreExplanation explanation) => string.Join("\n", explanation.Sentences);

    [Fact]
    public void Explain_AdmonishmentAfterEarlierReminder_SaysWhyNotAdjustment()
    {
        var builder = new RosterBuilder("2024H2")
            .Cadre("C-1")
            .WorkStyle("C-1", "2024-09-10", id: "E-1")
            .Measure("C-1", "2024-03-01", MeasureKind.ReminderTalk, id: "M-1")
            .Measure("C-1", "2023-11-01", MeasureKind.Admonishment, id: "M-0");

        var text = Text(Explain(builder));

        text.Should().Contain("Why the yellow board (BOARD-02)").And.Contain("E-1");
        text.Should().Contain("admonishment because of ReminderTalk M-1 of 2024-03-01");
        text.Should().Contain("not adjustment, because there is no admonishment after 2023-12-31");
        text.Should().Contain("Admonishment M-0 of 2023-11-01 is outside the 12-month window");
    }

    [Fact]
    public void Explain_FirstYellowBoard_SaysWhyOnlyReminder()
    {
        var builder = new RosterBuilder("2024H2").Cadre("C-1").KeyTask("C-1", "2024-10-01", KeyTaskKind.Other, KeyTaskRating.Failed, id: "E-7");

        var text = Text(Explain(builder));

        text.Should().Contain("Reminder (MECH-01)").And.Contain("no yellow board in 2024H1");
        text.Should().Contain("Not promotable now: not on the red board");
    }

    [Fact]
    public void Explain_RedBoardWithActiveInfluencePeriod_ListsEachBlockerAndWhenItLapses()
    {
        var builder = new RosterBuilder("2024H2")
            .Cadre("C-1")
            .KeyTask("C-1", "2024-05-01", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-1")
            .Measure("C-1", "2024-08-31", MeasureKind.Admonishment, id: "M-1")
            .Measure("C-1", "2024-03-15", MeasureKind.PartyWarning, id: "M-2");

        var explanation = Explain(builder);
        var text = Text(explanation);

        explanation.Decisions.Select(d => d.Kind).Should().Contain(DecisionKind.PromotionBlocked);
        text.Should().Contain("blocked until 2025-03-15");
        text.Should().Contain("Admonishment M-1 of 2024-08-31 blocks promotion until 2025-02-28");
        text.Should().Contain("PartyWarning M-2 of 2024-03-15 blocks promotion until 2025-03-15");
    }

    [Fact]
    public void Explain_TrackedCadreWithProblemAfterMeasure_SaysWhatIsMissing()
    {
        var builder = new RosterBuilder("2024H2")
            .Cadre("C-1")
            .Measure("C-1", "2023-01-10", MeasureKind.PostTransfer, id: "M-1")
            .KeyTask("C-1", "2024-02-01", KeyTaskKind.ProjectConstruction, KeyTaskRating.Outstanding, id: "E-1")
            .WorkStyle("C-1", "2023-06-01", severity: Severity.Minor, id: "E-2");

        var text = Text(Explain(builder));

        text.Should().Contain("Tracking (MECH-05): adjusted by PostTransfer M-1 on 2023-01-10");
        text.Should().Contain("no Positive attitude evidence after 2023-01-10 yet");
        text.Should().Contain("a problem recorded after the measure: WorkStyle E-2 on 2023-06-01");
        text.Should().NotContain("no Outstanding red-board key task");
    }

    [Fact]
    public void Explain_ReinstatementCandidate_NamesTheForm()
    {
        var builder = new RosterBuilder("2024H2")
            .Cadre("C-1")
            .Measure("C-1", "2022-06-01", MeasureKind.Removal, id: "M-1")
            .Attitude("C-1", "2023-03-01", id: "E-1")
            .KeyTask("C-1", "2024-04-01", KeyTaskKind.EpidemicPrevention, KeyTaskRating.Outstanding, id: "E-2");

        var explanation = Explain(builder);

        Text(explanation).Should().Contain("Reinstatement (REINST-01): proposed Promotion");
        explanation.Evidence.Select(e => e.Id).Should().Equal("M-1", "E-1", "E-2");
        explanation.Evidence.Single(e => e.Id == "E-2").CitedBy.Should().Contain("ReinstatementCandidate");
    }

    [Fact]
    public void Explain_UnknownCadre_ThrowsKeyNotFound()
    {
        var act = () => Explain(new RosterBuilder().Cadre("C-1"), "C-404");

        act.Should().Throw<KeyNotFoundException>().WithMessage("*C-404*");
    }
}
