using CadreRules.Rules;
using NRules.Fluent.Dsl;

namespace CadreRules.Tests.Sdk;

// Host rules as a host application would write them. Top-level public rules are found by
// AddCadreRulesFromAssembly(typeof(CommitteeReportRule).Assembly); rules meant to be invalid are
// nested (not public at top level), so scanning the assembly does not pick them up.

/// <summary>HOST-01: a yellow-board leading cadre of division rank is reported to the committee (a host kind).</summary>
[Name(Id), Tag("host")]
public sealed class CommitteeReportRule : Rule
{
    public const string Id = "HOST-01";

    public static readonly DecisionKind CommitteeReport = new("CommitteeReport");

    public override void Define()
    {
        Cadre cadre = null!;
        Proposal yellow = null!;

        When()
            .Match(() => cadre, c => c.Leadership, c => c.Rank == CadreRank.Division)
            .Match(() => yellow, p => p.Kind == DecisionKind.YellowBoard, p => p.Subject == cadre.Id);

        Then()
            .Do(ctx => ctx.Propose(CommitteeReport, cadre.Id, "Leading cadre of division rank on the yellow board: report to the committee.",
                yellow.Evidence, Detail.Of("committee", "municipal")));
    }
}

/// <summary>HOST-02: a recent negative attitude calls for a reminder talk (an existing kind).</summary>
[Name(Id), Tag("host")]
public sealed class NegativeAttitudeReminderRule : Rule
{
    public const string Id = "HOST-02";

    public override void Define()
    {
        PolicyContext policy = null!;
        Cadre cadre = null!;
        AttitudeEvidence attitude = null!;

        When()
            .Match(() => policy)
            .Match(() => cadre)
            .Match(() => attitude, a => a.CadreId == cadre.Id, a => a.Attitude == AttitudeRating.Negative, a => policy.IsRecent(a.Date));

        Then()
            .Do(ctx => ctx.Propose(DecisionKind.ReminderTalk, cadre.Id, $"Negative attitude ({attitude.Id}): reminder talk.", new[] { attitude.Id }));
    }
}

/// <summary>HOST-03: every cadre not on the yellow board is "clear" — a rule that needs no evidence.</summary>
[Name(Id), Tag("host")]
public sealed class ClearCadreRule : Rule
{
    public const string Id = "HOST-03";

    public static readonly DecisionKind Clear = new("Clear");

    public override void Define()
    {
        Cadre cadre = null!;

        When()
            .Match(() => cadre)
            .Not<Proposal>(p => p.Subject == cadre.Id, p => p.Kind == DecisionKind.YellowBoard);

        Then()
            .Do(ctx => ctx.Propose(Clear, cadre.Id, "Not on the yellow board."));
    }
}

/// <summary>HOST-06: a unit with a cadre outside its leadership team (a unit rule joining Unit and Cadre).</summary>
[Name(Id), Tag("host")]
public sealed class StaffCadreUnitRule : Rule
{
    public const string Id = "HOST-06";

    public static readonly DecisionKind StaffReport = new("StaffReport");

    public override void Define()
    {
        Unit unit = null!;

        When()
            .Match(() => unit)
            .Exists<Cadre>(c => c.UnitId == unit.Id, c => !c.Leadership);

        Then()
            .Do(ctx => ctx.Propose(StaffReport, unit.Id, "The unit has a cadre outside its leadership team."));
    }
}

/// <summary>HOST-07: a unit record with more than one cadre (a host rule on <see cref="UnitRecord"/>).</summary>
[Name(Id), Tag("host")]
public sealed class LargeTeamRule : Rule
{
    public const string Id = "HOST-07";

    public static readonly DecisionKind LargeTeam = new("LargeTeam");

    public override void Define()
    {
        UnitRecord unit = null!;

        When()
            .Match(() => unit, u => u.Cadres.Count > 1);

        Then()
            .Do(ctx => ctx.Propose(LargeTeam, unit.Id, "More than one cadre."));
    }
}

/// <summary>HOST-08: C-2's record puts C-1 on the yellow board (a proposal about a cadre of another session).</summary>
[Name(Id), Tag("host"), Priority(RulePriority.Facts)]
public sealed class ColleagueYellowRule : Rule
{
    public const string Id = "HOST-08";

    public override void Define()
    {
        CadreRecord record = null!;

        When()
            .Match(() => record, r => r.Cadre.Id == "C-2");

        Then()
            .Do(ctx => ctx.Propose(DecisionKind.YellowBoard, "C-1", "Named by C-2's record.", new[] { "E-2" }));
    }
}

/// <summary>A scoped service: one instance per evaluation scope.</summary>
public sealed class EvaluationStamp : IDisposable
{
    private static int _created;

    public int Instance { get; } = Interlocked.Increment(ref _created);

    public bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;
}

/// <summary>Collects every stamp a rule resolved, to check scoping and disposal.</summary>
public sealed class StampLog
{
    private readonly List<EvaluationStamp> _stamps = [];

    public IReadOnlyList<EvaluationStamp> Stamps
    {
        get
        {
            lock (_stamps)
            {
                return [.. _stamps];
            }
        }
    }

    public void Add(EvaluationStamp stamp)
    {
        lock (_stamps)
        {
            _stamps.Add(stamp);
        }
    }
}

/// <summary>HOST-04: stamps every leading cadre with the scoped service's instance number.</summary>
[Name(Id), Tag("host")]
public sealed class StampRule : Rule
{
    public const string Id = "HOST-04";

    public static readonly DecisionKind Stamped = new("Stamped");

    public override void Define()
    {
        EvaluationStamp stamp = null!;
        StampLog log = null!;
        Cadre cadre = null!;
        KeyTaskEvidence task = null!;

        Dependency()
            .Resolve(() => stamp)
            .Resolve(() => log);

        When()
            .Match(() => cadre, c => c.Leadership)
            .Match(() => task, t => t.CadreId == cadre.Id);

        Then()
            .Do(ctx => log.Add(stamp))
            .Do(ctx => ctx.Propose(Stamped, cadre.Id, "Stamped.", new[] { task.Id },
                Detail.Of("instance", stamp.Instance.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }
}

/// <summary>Rule actions are expression trees, which cannot hold dictionary initializers.</summary>
public static class Detail
{
    public static IReadOnlyDictionary<string, object> Of(string key, string value) => new Dictionary<string, object> { [key] = value };
}

public static class InvalidRules
{
    /// <summary>Claims a built-in id.</summary>
    [Name("BOARD-01")]
    public sealed class ClashingRule : Rule
    {
        public override void Define()
        {
            Cadre cadre = null!;
            When().Match(() => cadre);
            Then().Do(ctx => ctx.Propose(DecisionKind.RedBoard, cadre.Id, "Clash."));
        }
    }

    /// <summary>Has no [Name].</summary>
    public sealed class UnnamedRule : Rule
    {
        public override void Define()
        {
            Cadre cadre = null!;
            When().Match(() => cadre);
            Then().Do(ctx => ctx.Propose(DecisionKind.RedBoard, cadre.Id, "Unnamed."));
        }
    }
}

/// <summary>HOST-05: an internal rule class, as hosts often write them; every division-rank cadre is noted.</summary>
[Name(Id)]
internal sealed class InternalNoteRule : Rule
{
    public const string Id = "HOST-05";

    public override void Define()
    {
        Cadre cadre = null!;
        Evidence evidence = null!;

        When()
            .Match(() => cadre, c => c.Rank == CadreRank.Division)
            .Match(() => evidence, e => e.CadreId == cadre.Id);

        Then()
            .Do(ctx => ctx.Propose(new DecisionKind("Note"), cadre.Id, "Division rank with evidence.", new[] { evidence.Id }));
    }
}
