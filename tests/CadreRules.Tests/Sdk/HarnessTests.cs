using CadreRules.Testing;

namespace CadreRules.Tests.Sdk;

public sealed class HarnessTests
{
    [Fact]
    public void Fired_RuleSupportsDecisionAboutSubject_Passes()
    {
        var result = new CadreRulesHarness().Evaluate(Rosters.YellowAndRed());

        result.Fired("BOARD-01").For("C-2").Proposing(DecisionKind.RedBoard).WithEvidence("E-2");
        result.Fired("BOARD-02").For("C-1").Single.Kind.Should().Be(DecisionKind.YellowBoard);
        result.Decision(DecisionKind.ReminderTalk, "C-1").SupportedBy("MECH-01").WithReasonContaining("提醒改进");
        result.NoDecision(DecisionKind.RedBoard, "C-1");
        result.NotFired("BOARD-01", "C-1");
    }

    [Fact]
    public void ReadmeExample_OutstandingLeader_IsRedAndAPromotionCandidate()
    {
        var result = new CadreRulesHarness()
            .Evaluate(new RosterBuilder("2024H2")
                .Cadre("C-1", "U-1", CadreRank.Division, leadership: true)
                .KeyTask("C-1", "2024-10-01", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding));

        result.Fired("BOARD-01").For("C-1");
        result.NotFired("BOARD-02");
        result.Decision(DecisionKind.PromotionCandidate, "C-1").SupportedBy("MECH-04");
    }

    [Fact]
    public void Fired_RuleDidNotFireForSubject_ThrowsSayingWhatTheSubjectGot()
    {
        var result = new CadreRulesHarness().Evaluate(Rosters.YellowAndRed());

        var failure = FluentActions.Invoking(() => result.Fired("BOARD-01").For("C-1"))
            .Should().Throw<CadreRulesAssertionException>().Which;

        failure.Message.ReplaceLineEndings("\n").Should().Be("""
            Expected rule BOARD-01 for C-1, but no decision matches. Candidates:
              RedBoard C-2 [BOARD-01] evidence: E-2
            Decisions about C-1:
              ReminderTalk C-1 [MECH-01] evidence: E-1
              YellowBoard C-1 [BOARD-02] evidence: E-1
            """, "docs/sdk.md shows this message");
    }

    [Fact]
    public void Fired_RuleNeverFired_ThrowsListingTheReport()
    {
        var result = new CadreRulesHarness().Evaluate(Rosters.YellowAndRed());

        FluentActions.Invoking(() => result.Fired("MECH-03"))
            .Should().Throw<CadreRulesAssertionException>()
            .WithMessage("Expected rule MECH-03 to fire, but it supports no decision.*The report has:*YellowBoard C-1*");
    }

    [Fact]
    public void NotFired_RuleFired_ThrowsListingItsDecisions()
    {
        var result = new CadreRulesHarness().Evaluate(Rosters.YellowAndRed());

        FluentActions.Invoking(() => result.NotFired("BOARD-02"))
            .Should().Throw<CadreRulesAssertionException>()
            .WithMessage("Expected rule BOARD-02 not to fire, but it supports 1 decision:*YellowBoard C-1 [BOARD-02]*");
    }

    [Fact]
    public void NotFired_UnknownRuleId_ThrowsInsteadOfPassing()
    {
        var result = new CadreRulesHarness().Evaluate(Rosters.YellowAndRed());

        FluentActions.Invoking(() => result.NotFired("BORD-01"))
            .Should().Throw<CadreRulesAssertionException>().WithMessage("Rule BORD-01 is not in the evaluated rule set*ASSESS-01*");
    }

    [Fact]
    public void WithDetail_WrongValue_ThrowsShowingTheDetails()
    {
        var result = new CadreRulesHarness().Evaluate(new RosterBuilder()
            .Cadre("C-1", leadership: true)
            .WorkStyle("C-1", "2024-09-01")
            .Measure("C-1", "2024-03-01", MeasureKind.Admonishment, id: "M-1"));

        result.Decision(DecisionKind.Adjustment, "C-1").WithDetail(DetailKeys.Form, "PostTransfer").WithEvidence("M-1");
        FluentActions.Invoking(() => result.Decision(DecisionKind.Adjustment, "C-1").WithDetail(DetailKeys.Form, "Removal"))
            .Should().Throw<CadreRulesAssertionException>()
            .WithMessage("Expected Adjustment about C-1 with form = Removal, but no decision matches.*{form: PostTransfer}*");
    }

    [Fact]
    public void Only_OneRule_RunsItInIsolation()
    {
        // BOARD-01 alone does not see BOARD-02's yellow board, so C-1 (yellow and outstanding) is red here.
        var roster = Rosters.YellowAndRed().KeyTask("C-1", "2024-10-05", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding);

        var alone = new CadreRulesHarness().Only("BOARD-01").Evaluate(roster);
        var whole = new CadreRulesHarness().Evaluate(roster);

        alone.Fired("BOARD-01").For("C-1");
        alone.Report.Decisions.Should().OnlyContain(d => d.Kind == DecisionKind.RedBoard);
        alone.Rules.Rules.Select(r => r.Id).Should().Equal("BOARD-01");
        whole.NotFired("BOARD-01", "C-1");
    }

    [Fact]
    public void Only_UnknownRuleId_ThrowsListingKnownIds()
    {
        FluentActions.Invoking(() => new CadreRulesHarness().Only("BOARD-9").Evaluate(Rosters.YellowAndRed()))
            .Should().Throw<InvalidOperationException>().WithMessage("*The enabled rules name 'BOARD-9', which is not a rule id*");
    }

    [Fact]
    public void Configure_ChangedThreshold_AppliesToTheRun()
    {
        var roster = new RosterBuilder().Cadre("C-1").WorkStyle("C-1", "2024-03-01");

        new CadreRulesHarness().Evaluate(roster).Fired("BOARD-02").For("C-1");
        new CadreRulesHarness().Configure(o => o.RecentWindowMonths = 6).Evaluate(roster).NotFired("BOARD-02");
    }

    [Fact]
    public void Decision_HostKindByName_Matches()
    {
        var result = new CadreRulesHarness().AddRulesFrom(typeof(CommitteeReportRule).Assembly).Only(CommitteeReportRule.Id, "BOARD-02")
            .Evaluate(Rosters.YellowAndRed());

        result.Decision("CommitteeReport", "C-1").SupportedBy(CommitteeReportRule.Id).WithDetail("committee", "municipal");
        result.Explain("C-1").Sentences.Should().Contain(s => s.StartsWith("CommitteeReport (HOST-01)", StringComparison.Ordinal));
    }
}
