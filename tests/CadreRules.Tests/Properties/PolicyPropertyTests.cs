using CadreRules.Tests.Support;
using CsCheck;

namespace CadreRules.Tests.Properties;

/// <summary>
/// Invariants of POLICY.md and REPORT-FORMAT.md over random small rosters (STYLE.md point 15).
/// Each property also checks that the generator actually produced the situation it is about, so
/// that a generator drifting away from it fails the test instead of passing vacuously.
/// </summary>
public sealed class PolicyPropertyTests
{
    private const long Iterations = 150;

    private static readonly string[] ExclusionSuppresses = ["RedBoard", "PromotionCandidate", "PromotionBlocked", "ReinstatementCandidate"];

    [Fact]
    public void NeverBothBoards()
    {
        int red = 0, yellow = 0;
        RosterGen.Roster.Sample(roster =>
        {
            var report = Policy.Evaluate(roster);
            foreach (var cadre in roster.Cadres)
            {
                var kinds = report.KindsOf(cadre.Id);
                bool isRed = kinds.Contains("RedBoard"), isYellow = kinds.Contains("YellowBoard");
                if (isRed && isYellow)
                {
                    return false;
                }

                Interlocked.Add(ref red, isRed ? 1 : 0);
                Interlocked.Add(ref yellow, isYellow ? 1 : 0);
            }

            return true;
        }, iter: Iterations, print: RosterGen.Describe);

        red.Should().BePositive("the generator must produce red boards");
        yellow.Should().BePositive("the generator must produce yellow boards");
    }

    [Fact]
    public void ExcludedCadre_NeverRedPromotedOrReinstated()
    {
        int excluded = 0;
        RosterGen.Roster.Sample(roster =>
        {
            var report = Policy.Evaluate(roster);
            foreach (var cadre in roster.Cadres)
            {
                var kinds = report.KindsOf(cadre.Id);
                if (kinds.Contains("Exclusion"))
                {
                    Interlocked.Increment(ref excluded);
                    if (kinds.Intersect(ExclusionSuppresses).Any())
                    {
                        return false;
                    }
                }
            }

            return true;
        }, iter: Iterations, print: RosterGen.Describe);

        excluded.Should().BePositive("the generator must produce exclusions");
    }

    [Fact]
    public void VerifiedNegativeListAddedToAnyCadre_RemovesExactlyTheSuppressedKinds()
    {
        // Stronger than the invariant above: the cadre may well have been red, a promotion
        // candidate or a reinstatement candidate before; afterwards none of those remain.
        int suppressed = 0;
        var gen = RosterGen.Roster.SelectMany(roster =>
            from cadre in Gen.Int[0, roster.Cadres.Count - 1]
            from date in RosterGen.DateBefore(roster.AsOf)
            from category in Gen.Enum<NegativeListCategory>()
            select (roster, cadre, date, category));
        gen.Sample((roster, index, date, category) =>
        {
            string cadreId = roster.Cadres[index].Id;
            var before = Policy.Evaluate(roster).KindsOf(cadreId);
            var verified = new NegativeListEvidence
            {
                Id = "E-verified", CadreId = cadreId, Date = date, Channel = EvidenceChannel.Inspection,
                Category = category, Status = FindingStatus.Verified,
            };

            var after = Policy.Evaluate(roster.With(verified)).KindsOf(cadreId);

            if (before.Intersect(ExclusionSuppresses).Any())
            {
                Interlocked.Increment(ref suppressed);
            }

            return after.Contains("Exclusion") && !after.Intersect(ExclusionSuppresses).Any();
        }, iter: Iterations, print: t => $"{t.Item2} {t.Item3} {t.Item4}\n{RosterGen.Describe(t.Item1)}");

        suppressed.Should().BePositive("some cadres must have had a suppressed kind before the exclusion");
    }

    [Fact]
    public void AddingUnfoundedEvidence_ChangesNothing()
    {
        var gen = RosterGen.Roster.SelectMany(roster => RosterGen.UnfoundedFor(roster).Select(extra => (roster, extra)));
        gen.Sample((roster, extra) =>
        {
            var before = DecisionText.Of(Policy.Evaluate(roster), withReasons: false);
            var after = DecisionText.Of(Policy.Evaluate(roster.With(extra)), withReasons: false);

            after.Should().Equal(before, "an Unfounded record ({0}) never counts for anything", extra.Id);
        }, iter: Iterations, print: t => RosterGen.Describe(t.Item1.With(t.Item2)));
    }

    [Fact]
    public void Output_IndependentOfPartitioningParallelismAndInputOrder()
    {
        CadreEngineOptions[] engines =
        [
            new() { CadresPerSession = 1, MaxDegreeOfParallelism = 1 },
            new() { CadresPerSession = 3, MaxDegreeOfParallelism = 4 },
            new() { CadresPerSession = 64, MaxDegreeOfParallelism = 1 },
            new() { CadresPerSession = 1, MaxDegreeOfParallelism = 4 },
            new() { CadresPerSession = 64, MaxDegreeOfParallelism = 4 },
        ];
        int shared = 0;
        RosterGen.Roster.Sample(roster =>
        {
            var expected = DecisionText.Of(Policy.Evaluate(roster, engine: new CadreEngineOptions { CadresPerSession = 3, MaxDegreeOfParallelism = 1 }), withReasons: true);
            foreach (var engine in engines)
            {
                DecisionText.Of(Policy.Evaluate(roster, engine: engine), withReasons: true).Should().Equal(expected,
                    "CadresPerSession {0} and MaxDegreeOfParallelism {1} must not change the output", engine.CadresPerSession, engine.MaxDegreeOfParallelism);
            }

            // Reasons are prose outside the contract; everything else must not depend on the order of the input.
            DecisionText.Of(Policy.Evaluate(roster.Reversed()), withReasons: false).Should().Equal(
                expected.Select((line, i) => i < expected.Count - 1 ? line[..line.IndexOf(" reasons=[", StringComparison.Ordinal)] : line),
                "the order of the input must not change the decisions");
            if (roster.Cadres.GroupBy(c => c.UnitId).Any(g => g.Count() > 3))
            {
                Interlocked.Increment(ref shared);
            }
        }, iter: Iterations, print: RosterGen.Describe);

        shared.Should().BePositive("some rosters must have units with more cadres than one batch of 3");
    }

    [Fact]
    public void Decisions_SortedBySubjectKindCategory_WithSortedDistinctLists()
    {
        RosterGen.Roster.Sample(roster =>
        {
            var report = Policy.Evaluate(roster);
            for (int i = 1; i < report.Decisions.Count; i++)
            {
                var (a, b) = (report.Decisions[i - 1], report.Decisions[i]);
                int c = string.CompareOrdinal(a.Subject, b.Subject);
                c = c != 0 ? c : string.CompareOrdinal(a.Kind.Name, b.Kind.Name);
                c = c != 0 ? c : string.CompareOrdinal(a.Category, b.Category);
                c.Should().BeNegative("decisions are sorted by subject, kind, category and unique: {0} before {1}", a, b);
            }

            foreach (var decision in report.Decisions)
            {
                SortedDistinct(decision.Rules).Should().BeTrue("rules of {0} are sorted and distinct", decision);
                decision.Rules.Should().NotBeEmpty();
                SortedDistinct(decision.Evidence).Should().BeTrue("evidence of {0} is sorted and distinct", decision);
                foreach (var value in decision.Details.Values.Where(v => v is not string).OfType<IEnumerable<string>>())
                {
                    SortedDistinct(value.ToList()).Should().BeTrue("detail lists of {0} are sorted and distinct", decision);
                }

                SortedDistinct(decision.Details.Keys.ToList()).Should().BeTrue("detail keys of {0} are sorted", decision);
            }

            report.Counts.Should().Equal(report.Decisions.GroupBy(d => d.Kind.Name).ToDictionary(g => g.Key, g => g.Count()));
        }, iter: Iterations, print: RosterGen.Describe);
    }

    [Fact]
    public void Ladder_ProposesAtMostOneStep_AndMech01OnlyWithoutIt()
    {
        int escalated = 0;
        RosterGen.Roster.Sample(roster =>
        {
            var report = Policy.Evaluate(roster);
            foreach (var cadre in roster.Cadres)
            {
                var decisions = report.For(cadre.Id).ToList();
                int mech02 = decisions.Count(d => d.Rules.Contains("MECH-02"));
                bool mech01 = decisions.Any(d => d.Rules.Contains("MECH-01"));
                bool yellow = decisions.Any(d => d.Kind == DecisionKind.YellowBoard);
                mech02.Should().BeLessThanOrEqualTo(1, "MECH-02 proposes only its highest step for {0}", cadre.Id);
                (mech02 == 1 && mech01).Should().BeFalse("MECH-01 applies only when MECH-02 proposes nothing for {0}", cadre.Id);
                (mech02 == 1 || mech01).Should().Be(yellow, "exactly the yellow-board cadres get MECH-01 or MECH-02 ({0})", cadre.Id);
                Interlocked.Add(ref escalated, mech02);
            }
        }, iter: Iterations, print: RosterGen.Describe);

        escalated.Should().BePositive("the generator must produce escalations");
    }

    [Fact]
    public void Subjects_AreUnitsForUnitKindsAndCadresOtherwise()
    {
        RosterGen.Roster.Sample(roster =>
        {
            var units = roster.Units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
            var cadres = roster.Cadres.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var decision in Policy.Evaluate(roster).Decisions)
            {
                (decision.Kind.IsAboutUnit ? units : cadres).Should().Contain(decision.Subject, "{0} is about a {1}", decision, decision.Kind.IsAboutUnit ? "unit" : "cadre");
            }
        }, iter: Iterations, print: RosterGen.Describe);
    }

    [Fact]
    public void EveryEvidenceIdInADecision_BelongsToItsSubjectAndIsNeverUnfounded()
    {
        RosterGen.Roster.Sample(roster =>
        {
            var owner = roster.Evidence.ToDictionary(e => e.Id, e => (e.CadreId, Unfounded: e is WorkStyleEvidence { Status: FindingStatus.Unfounded } or NegativeListEvidence { Status: FindingStatus.Unfounded }));
            foreach (var m in roster.Measures)
            {
                owner[m.Id] = (m.CadreId, false);
            }

            foreach (var decision in Policy.Evaluate(roster).Decisions)
            {
                foreach (var id in decision.Evidence)
                {
                    owner.Should().ContainKey(id);
                    owner[id].CadreId.Should().Be(decision.Subject, "{0} lists {1}", decision, id);
                    owner[id].Unfounded.Should().BeFalse("{0} lists Unfounded {1}", decision, id);
                }
            }
        }, iter: Iterations, print: RosterGen.Describe);
    }

    private static bool SortedDistinct(IReadOnlyList<string> items)
    {
        for (int i = 1; i < items.Count; i++)
        {
            if (string.CompareOrdinal(items[i - 1], items[i]) >= 0)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>The properties above are only as good as the rosters they see.</summary>
public sealed class RosterGenCoverageTests
{
    [Fact]
    public void Generator_ProducesEveryDecisionKind()
    {
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        RosterGen.Roster.Sample(roster =>
        {
            foreach (var d in Policy.Evaluate(roster).Decisions)
            {
                seen.AddOrUpdate(d.Kind.Name, 1, (_, n) => n + 1);
            }
        }, iter: 200);

        seen.Keys.Should().BeEquivalentTo(DecisionKind.BuiltIn.Select(k => k.Name));
    }
}
