using CadreRules.Testing;
using CadreRules.Tests.Support;

namespace CadreRules.Tests.Rules;

/// <summary>POLICY.md, 识 — Identify: IDENT-01 to IDENT-04. As-of is 2024-12-31 unless stated.</summary>
public sealed class IdentifyRulesTests
{
    private static RosterBuilder Roster() => new RosterBuilder("2024H2").Cadre("C-1");

    // ---- IDENT-01 political negative list ----

    [Theory]
    [InlineData("2022-12-31", false)] // 24 months before as-of: outside the half-open window
    [InlineData("2023-01-01", true)]
    [InlineData("2024-12-31", true)]
    public void Ident01_EarlySignWindowEdge(string date, bool fires)
    {
        var report = Roster().NegativeList("C-1", date, NegativeListCategory.Cliques, FindingStatus.EarlySign, id: "E-1").Evaluate();

        if (fires)
        {
            report.ShouldHave(DecisionKind.NegativeListEntry, "C-1", "Cliques")
                .WithRules("IDENT-01").WithEvidence("E-1").WithDetailKeys("category", "status")
                .WithDetail("category", "Cliques").WithDetail("status", "EarlySign");
        }
        else
        {
            report.ShouldNotHave(DecisionKind.NegativeListEntry, "C-1");
        }
    }

    [Theory]
    [InlineData("2005-03-01")]
    [InlineData("2022-12-31")]
    [InlineData("2024-12-31")]
    public void Ident01_VerifiedAtAnyDate_Fires(string date)
    {
        var report = Roster().NegativeList("C-1", date, NegativeListCategory.TwoFaced, FindingStatus.Verified, id: "E-1").Evaluate();

        report.ShouldHave(DecisionKind.NegativeListEntry, "C-1", "TwoFaced")
            .WithRules("IDENT-01").WithEvidence("E-1").WithDetail("status", "Verified");
    }

    [Fact]
    public void Ident01_Unfounded_Ignored()
    {
        var report = Roster().NegativeList("C-1", "2024-06-01", status: FindingStatus.Unfounded, id: "E-1").Evaluate();

        report.Decisions.Should().BeEmpty();
    }

    [Theory]
    [InlineData(NegativeListCategory.Cronyism)]
    [InlineData(NegativeListCategory.Cliques)]
    [InlineData(NegativeListCategory.FalseAccusation)]
    [InlineData(NegativeListCategory.BuyingSupport)]
    [InlineData(NegativeListCategory.PromisingPosts)]
    [InlineData(NegativeListCategory.DefyingOrders)]
    [InlineData(NegativeListCategory.UnchallengeablePower)]
    [InlineData(NegativeListCategory.TwoFaced)]
    public void Ident01_EveryCategory_HasItsOwnEntry(NegativeListCategory category)
    {
        var report = Roster().NegativeList("C-1", "2024-06-01", category, id: "E-1").Evaluate();

        report.ShouldHave(DecisionKind.NegativeListEntry, "C-1", category.ToString()).WithDetail("category", category.ToString());
    }

    [Fact]
    public void Ident01_EarlySignAndVerifiedInOneCategory_OneEntryWithStrongestStatus()
    {
        var report = Roster()
            .NegativeList("C-1", "2024-06-01", NegativeListCategory.Cliques, FindingStatus.EarlySign, id: "E-1")
            .NegativeList("C-1", "2020-06-01", NegativeListCategory.Cliques, FindingStatus.Verified, id: "E-2")
            .NegativeList("C-1", "2024-07-01", NegativeListCategory.Cliques, FindingStatus.Unfounded, id: "E-3")
            .Evaluate();

        report.ShouldHave(DecisionKind.NegativeListEntry, "C-1", "Cliques")
            .WithRules("IDENT-01").WithEvidence("E-1", "E-2").WithDetail("status", "Verified");
    }

    [Fact]
    public void Ident01_OldEarlySignBesideVerified_OnlyTheVerifiedIsEvidence()
    {
        var report = Roster()
            .NegativeList("C-1", "2021-06-01", NegativeListCategory.Cliques, FindingStatus.EarlySign, id: "E-1")
            .NegativeList("C-1", "2020-06-01", NegativeListCategory.Cliques, FindingStatus.Verified, id: "E-2")
            .Evaluate();

        report.ShouldHave(DecisionKind.NegativeListEntry, "C-1", "Cliques").WithEvidence("E-2").WithDetail("status", "Verified");
    }

    [Fact]
    public void Ident01_SeveralCategories_OneEntryPerCategorySortedByCategory()
    {
        var report = Roster()
            .NegativeList("C-1", "2024-06-01", NegativeListCategory.TwoFaced, id: "E-1")
            .NegativeList("C-1", "2024-07-01", NegativeListCategory.Cliques, id: "E-2")
            .NegativeList("C-1", "2024-08-01", NegativeListCategory.Cliques, id: "E-3")
            .NegativeList("C-1", "2019-08-01", NegativeListCategory.Cronyism, FindingStatus.Verified, id: "E-4")
            .Evaluate();

        report.Decisions.Where(d => d.Kind == DecisionKind.NegativeListEntry).Select(d => d.Category)
            .Should().Equal("Cliques", "Cronyism", "TwoFaced");
        report.ShouldHave(DecisionKind.NegativeListEntry, "C-1", "Cliques").WithEvidence("E-2", "E-3").WithDetail("status", "EarlySign");
        report.ShouldHave(DecisionKind.NegativeListEntry, "C-1", "TwoFaced").WithEvidence("E-1").WithDetail("status", "EarlySign");
        report.ShouldHave(DecisionKind.NegativeListEntry, "C-1", "Cronyism").WithEvidence("E-4").WithDetail("status", "Verified");
    }

    [Fact]
    public void Ident01_EarlySignWindow_IsRelativeToExplicitAsOf()
    {
        var report = new RosterBuilder("2024H1").AsOf("2024-03-15").Cadre("C-1")
            .NegativeList("C-1", "2022-03-15", NegativeListCategory.Cliques, id: "E-1")
            .NegativeList("C-1", "2022-03-16", NegativeListCategory.Cronyism, id: "E-2")
            .Evaluate();

        report.Decisions.Where(d => d.Kind == DecisionKind.NegativeListEntry).Select(d => d.Category).Should().Equal("Cronyism");
    }

    // ---- IDENT-02 exclusion ----

    [Fact]
    public void Ident02_VerifiedAtAnyDate_Excludes()
    {
        var report = Roster().NegativeList("C-1", "2010-01-01", NegativeListCategory.TwoFaced, FindingStatus.Verified, id: "E-1").Evaluate();

        report.ShouldHave(DecisionKind.Exclusion, "C-1").WithRules("IDENT-02").WithEvidence("E-1").WithNoDetails();
    }

    [Theory]
    [InlineData(FindingStatus.EarlySign)]
    [InlineData(FindingStatus.Unfounded)]
    public void Ident02_NotVerified_DoesNotExclude(FindingStatus status)
    {
        var report = Roster().NegativeList("C-1", "2024-06-01", status: status, id: "E-1").Evaluate();

        report.ShouldNotHave(DecisionKind.Exclusion, "C-1");
    }

    [Fact]
    public void Ident02_VerifiedInSeveralCategories_OneExclusionListingEveryVerified()
    {
        var report = Roster()
            .NegativeList("C-1", "2024-06-01", NegativeListCategory.Cliques, FindingStatus.Verified, id: "E-2")
            .NegativeList("C-1", "2019-06-01", NegativeListCategory.TwoFaced, FindingStatus.Verified, id: "E-1")
            .NegativeList("C-1", "2024-06-01", NegativeListCategory.Cronyism, FindingStatus.EarlySign, id: "E-3")
            .Evaluate();

        report.ShouldHave(DecisionKind.Exclusion, "C-1").WithRules("IDENT-02").WithEvidence("E-1", "E-2");
    }

    [Fact]
    public void Ident02_VerifiedWorkStyle_DoesNotExclude()
    {
        var report = Roster().WorkStyle("C-1", "2024-06-01", id: "E-1").Evaluate();

        report.ShouldNotHave(DecisionKind.Exclusion, "C-1");
    }

    // ---- IDENT-03 early-sign reminder ----

    [Fact]
    public void Ident03_EarlySignOnly_ProposesReminderTalk()
    {
        var report = Roster().NegativeList("C-1", "2024-06-01", id: "E-1").Evaluate();

        report.ShouldHave(DecisionKind.ReminderTalk, "C-1").WithRules("IDENT-03").WithEvidence("E-1").WithNoDetails();
        report.ShouldHaveKinds("C-1", "NegativeListEntry", "ReminderTalk");
    }

    [Fact]
    public void Ident03_EarlySignInTwoCategories_OneReminderListingBoth()
    {
        var report = Roster()
            .NegativeList("C-1", "2024-06-01", NegativeListCategory.Cliques, id: "E-1")
            .NegativeList("C-1", "2023-06-01", NegativeListCategory.DefyingOrders, id: "E-2")
            .Evaluate();

        report.ShouldHave(DecisionKind.ReminderTalk, "C-1").WithRules("IDENT-03").WithEvidence("E-1", "E-2");
    }

    [Theory]
    [InlineData(NegativeListCategory.Cliques)] // same category: the entry itself becomes Verified
    [InlineData(NegativeListCategory.TwoFaced)] // another category: a Verified entry elsewhere
    public void Ident03_AnyVerifiedEntry_NoReminder(NegativeListCategory verifiedCategory)
    {
        var report = Roster()
            .NegativeList("C-1", "2024-06-01", NegativeListCategory.Cliques, id: "E-1")
            .NegativeList("C-1", "2015-06-01", verifiedCategory, FindingStatus.Verified, id: "E-2")
            .Evaluate();

        report.ShouldNotHave(DecisionKind.ReminderTalk, "C-1");
        report.ShouldHave(DecisionKind.Exclusion, "C-1");
    }

    [Fact]
    public void Ident03_EarlySignOutsideWindow_NoReminder()
    {
        var report = Roster().NegativeList("C-1", "2022-12-31", id: "E-1").Evaluate();

        report.Decisions.Should().BeEmpty();
    }

    [Fact]
    public void Ident03_UnfoundedBesideEarlySign_NotListed()
    {
        var report = Roster()
            .NegativeList("C-1", "2024-06-01", NegativeListCategory.Cliques, id: "E-1")
            .NegativeList("C-1", "2024-06-02", NegativeListCategory.Cliques, FindingStatus.Unfounded, id: "E-2")
            .Evaluate();

        report.ShouldHave(DecisionKind.ReminderTalk, "C-1").WithEvidence("E-1");
        report.ShouldHave(DecisionKind.NegativeListEntry, "C-1", "Cliques").WithEvidence("E-1");
    }

    // ---- IDENT-04 joint consultation ----

    [Fact]
    public void Ident04_TwoOversightChannels_ProposesJointConsultation()
    {
        var report = Roster()
            .WorkStyle("C-1", "2024-09-10", channel: EvidenceChannel.Supervision, id: "E-1")
            .KeyTask("C-1", "2024-05-01", KeyTaskKind.Other, KeyTaskRating.Poor, EvidenceChannel.Audit, id: "E-2")
            .Evaluate();

        report.ShouldHave(DecisionKind.JointConsultation, "C-1")
            .WithRules("IDENT-04").WithEvidence("E-1", "E-2").WithDetailKeys("channels").WithDetailList("channels", "Audit", "Supervision");
    }

    [Fact]
    public void Ident04_OneChannelTwice_DoesNotFire()
    {
        var report = Roster()
            .WorkStyle("C-1", "2024-09-10", channel: EvidenceChannel.Audit, id: "E-1")
            .KeyTask("C-1", "2024-05-01", KeyTaskKind.Other, KeyTaskRating.Failed, EvidenceChannel.Audit, id: "E-2")
            .Evaluate();

        report.ShouldNotHave(DecisionKind.JointConsultation, "C-1");
    }

    [Theory]
    [InlineData(EvidenceChannel.Inspection, true)]
    [InlineData(EvidenceChannel.Audit, true)]
    [InlineData(EvidenceChannel.KeyTaskReview, true)]
    [InlineData(EvidenceChannel.StationedInspection, true)]
    [InlineData(EvidenceChannel.Interview, false)]
    [InlineData(EvidenceChannel.FieldResearch, false)]
    [InlineData(EvidenceChannel.PublicReport, false)]
    [InlineData(EvidenceChannel.Other, false)]
    public void Ident04_OnlyOversightChannelsCount(EvidenceChannel second, bool fires)
    {
        var report = Roster()
            .WorkStyle("C-1", "2024-09-10", channel: EvidenceChannel.Supervision, id: "E-1")
            .WorkStyle("C-1", "2024-10-10", channel: second, id: "E-2")
            .Evaluate();

        if (fires)
        {
            report.ShouldHave(DecisionKind.JointConsultation, "C-1")
                .WithDetailList("channels", new[] { "Supervision", second.ToString() }.Order(StringComparer.Ordinal).ToArray())
                .WithEvidence("E-1", "E-2");
        }
        else
        {
            report.ShouldNotHave(DecisionKind.JointConsultation, "C-1");
        }
    }

    [Theory]
    [InlineData("2023-12-31", false)]
    [InlineData("2024-01-01", true)]
    public void Ident04_RecentWindowEdge(string date, bool fires)
    {
        var report = Roster()
            .WorkStyle("C-1", "2024-09-10", channel: EvidenceChannel.Supervision, id: "E-1")
            .WorkStyle("C-1", date, channel: EvidenceChannel.Inspection, id: "E-2")
            .Evaluate();

        if (fires)
        {
            report.ShouldHave(DecisionKind.JointConsultation, "C-1").WithDetailList("channels", "Inspection", "Supervision");
        }
        else
        {
            report.ShouldNotHave(DecisionKind.JointConsultation, "C-1");
        }
    }

    public static TheoryData<string, bool> SecondEvidence => new()
    {
        { "KeyTask Good", false },
        { "KeyTask Outstanding", false },
        { "KeyTask Poor", true },
        { "KeyTask Failed", true },
        { "WorkStyle Verified Minor", true },
        { "WorkStyle EarlySign", false },
        { "WorkStyle Unfounded", false },
        { "NegativeList EarlySign", true },
        { "NegativeList Verified", true },
        { "NegativeList Unfounded", false },
        { "Attitude Negative", false },
    };

    [Theory]
    [MemberData(nameof(SecondEvidence))]
    public void Ident04_OnlyProblemEvidenceCounts(string evidence, bool fires)
    {
        var builder = Roster().WorkStyle("C-1", "2024-09-10", channel: EvidenceChannel.Supervision, id: "E-1");
        const EvidenceChannel audit = EvidenceChannel.Audit;
        _ = evidence switch
        {
            "KeyTask Good" => builder.KeyTask("C-1", "2024-10-01", KeyTaskKind.WorkSafety, KeyTaskRating.Good, audit, "E-2"),
            "KeyTask Outstanding" => builder.KeyTask("C-1", "2024-10-01", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, audit, "E-2"),
            "KeyTask Poor" => builder.KeyTask("C-1", "2024-10-01", KeyTaskKind.WorkSafety, KeyTaskRating.Poor, audit, "E-2"),
            "KeyTask Failed" => builder.KeyTask("C-1", "2024-10-01", KeyTaskKind.Other, KeyTaskRating.Failed, audit, "E-2"),
            "WorkStyle Verified Minor" => builder.WorkStyle("C-1", "2024-10-01", severity: Severity.Minor, channel: audit, id: "E-2"),
            "WorkStyle EarlySign" => builder.WorkStyle("C-1", "2024-10-01", status: FindingStatus.EarlySign, channel: audit, id: "E-2"),
            "WorkStyle Unfounded" => builder.WorkStyle("C-1", "2024-10-01", status: FindingStatus.Unfounded, channel: audit, id: "E-2"),
            "NegativeList EarlySign" => builder.NegativeList("C-1", "2024-10-01", status: FindingStatus.EarlySign, channel: audit, id: "E-2"),
            "NegativeList Verified" => builder.NegativeList("C-1", "2024-10-01", status: FindingStatus.Verified, channel: audit, id: "E-2"),
            "NegativeList Unfounded" => builder.NegativeList("C-1", "2024-10-01", status: FindingStatus.Unfounded, channel: audit, id: "E-2"),
            "Attitude Negative" => builder.Attitude("C-1", "2024-10-01", AttitudeRating.Negative, audit, "E-2"),
            _ => throw new ArgumentOutOfRangeException(nameof(evidence), evidence, "unknown case"),
        };

        var report = builder.Evaluate();

        if (fires)
        {
            report.ShouldHave(DecisionKind.JointConsultation, "C-1").WithEvidence("E-1", "E-2").WithDetailList("channels", "Audit", "Supervision");
        }
        else
        {
            report.ShouldNotHave(DecisionKind.JointConsultation, "C-1");
        }
    }

    [Fact]
    public void Ident04_ManyChannels_ListsChannelsSortedDistinctAndEveryProblemEvidence()
    {
        var report = Roster()
            .WorkStyle("C-1", "2024-09-10", channel: EvidenceChannel.StationedInspection, id: "E-1")
            .WorkStyle("C-1", "2024-08-10", channel: EvidenceChannel.Inspection, id: "E-2")
            .KeyTask("C-1", "2024-07-10", KeyTaskKind.Other, KeyTaskRating.Poor, EvidenceChannel.Audit, id: "E-3")
            .NegativeList("C-1", "2024-06-10", channel: EvidenceChannel.Inspection, id: "E-4")
            .WorkStyle("C-1", "2024-05-10", channel: EvidenceChannel.PublicReport, id: "E-5")
            .WorkStyle("C-1", "2023-05-10", channel: EvidenceChannel.Supervision, id: "E-6")
            .Evaluate();

        report.ShouldHave(DecisionKind.JointConsultation, "C-1")
            .WithEvidence("E-1", "E-2", "E-3", "E-4")
            .WithDetailList("channels", "Audit", "Inspection", "StationedInspection");
    }

    [Fact]
    public void Ident04_EvidenceOfOtherCadres_DoesNotCombine()
    {
        var report = new RosterBuilder().Cadre("C-1").Cadre("C-2")
            .WorkStyle("C-1", "2024-09-10", channel: EvidenceChannel.Supervision, id: "E-1")
            .WorkStyle("C-2", "2024-09-10", channel: EvidenceChannel.Audit, id: "E-2")
            .Evaluate();

        report.ShouldNotHave(DecisionKind.JointConsultation, "C-1");
        report.ShouldNotHave(DecisionKind.JointConsultation, "C-2");
    }
}
