using System.Globalization;

namespace CadreRules.Rules;

/// <summary>
/// The calculations of POLICY.md that are more than a comparison: indicator trends, project lag,
/// the escalation ladder, tracking dates and the reinstatement form. Pure functions, shared by the
/// built-in rules and available to host rules.
/// </summary>
public static class PolicyFunctions
{
    /// <summary>
    /// ASSESS-02 (a): names of the unit's declining indicators. An indicator declines when the
    /// values of its latest <c>DeclineYears + 1</c> years present are consecutive years, strictly
    /// decreasing, and the latest of those years is ≥ asOf.Year − 1.
    /// </summary>
    /// <param name="unit">The unit.</param>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The declining indicator names, sorted ordinally.</returns>
    public static IReadOnlyList<string> DecliningIndicators(Unit unit, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(context);
        if (unit.Indicators.Count == 0)
        {
            return [];
        }

        int needed = context.Options.DeclineYears + 1;
        List<string>? declining = null;
        foreach (var series in unit.Indicators.GroupBy(i => i.Name, StringComparer.Ordinal))
        {
            var latest = series.OrderByDescending(i => i.Year).Take(needed).ToArray();
            if (latest.Length < needed || latest[0].Year < context.AsOf.Year - 1)
            {
                continue;
            }

            bool falling = true;
            for (int i = 1; i < latest.Length && falling; i++)
            {
                // latest[i] is the year before latest[i - 1]: consecutive and strictly higher.
                falling = latest[i].Year == latest[i - 1].Year - 1 && latest[i].Value > latest[i - 1].Value;
            }

            if (falling)
            {
                (declining ??= []).Add(series.Key);
            }
        }

        if (declining is null)
        {
            return [];
        }

        declining.Sort(StringComparer.Ordinal);
        return declining;
    }

    /// <summary>
    /// ASSESS-02 (b): whether a project lags: <c>planned − actual ≥ ProjectLagThreshold</c>
    /// (exact decimal arithmetic), or due before as-of while not complete.
    /// </summary>
    /// <param name="project">The project.</param>
    /// <param name="context">The evaluation context.</param>
    /// <returns>Whether it lags.</returns>
    public static bool IsLagging(KeyProject project, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(context);
        return project.PlannedProgress - project.ActualProgress >= context.Options.ProjectLagThreshold
            || (project.Due is { } due && due < context.AsOf && project.ActualProgress < 1m);
    }

    /// <summary>ASSESS-02 (b): ids of the unit's lagging projects, sorted ordinally.</summary>
    /// <param name="unit">The unit.</param>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The lagging project ids.</returns>
    public static IReadOnlyList<string> LaggingProjects(Unit unit, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(unit);
        List<string>? lagging = null;
        foreach (var project in unit.Projects)
        {
            if (IsLagging(project, context))
            {
                (lagging ??= []).Add(project.Id);
            }
        }

        if (lagging is null)
        {
            return [];
        }

        lagging.Sort(StringComparer.Ordinal);
        return lagging;
    }

    /// <summary>
    /// MECH-02: the highest applicable step of the escalation ladder for a yellow-board cadre.
    /// </summary>
    /// <param name="measures">The cadre's measures.</param>
    /// <param name="history">The cadre's past board placements.</param>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The step, with the measures it rests on.</returns>
    public static EscalationStep Escalate(IEnumerable<Measure> measures, IEnumerable<BoardPlacement> history, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(context);
        List<Measure> admonishments = [];
        List<Measure> reminders = [];
        foreach (var measure in measures)
        {
            if (!context.IsWithin(measure.Date, context.EscalationAfter))
            {
                continue;
            }

            if (measure.Kind == MeasureKind.Admonishment)
            {
                admonishments.Add(measure);
            }
            else if (measure.Kind is MeasureKind.ReminderTalk or MeasureKind.WrittenInquiry)
            {
                reminders.Add(measure);
            }
        }

        if (admonishments.Count > 0)
        {
            return new EscalationStep(DecisionKind.Adjustment, admonishments, YellowBefore: false);
        }

        bool yellowBefore = history.Any(h => h.Board == Board.Yellow && h.Period == context.PreviousPeriod);
        return reminders.Count > 0 || yellowBefore
            ? new EscalationStep(DecisionKind.Admonishment, reminders, yellowBefore)
            : EscalationStep.None;
    }

    /// <summary>
    /// MECH-05: the tracking state of a cadre: the latest adjustment-type measure inside the
    /// tracking horizon (ties: the id that sorts last), unless an outcome measure (Promotion,
    /// RankAdvance, Reappointment) is dated strictly after it.
    /// </summary>
    /// <param name="measures">The cadre's measures.</param>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The state, or <see langword="null"/> when the cadre is not tracked.</returns>
    public static TrackingState? Track(IReadOnlyCollection<Measure> measures, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(measures);
        ArgumentNullException.ThrowIfNull(context);
        Measure? tracked = null;
        foreach (var measure in measures)
        {
            if (measure.IsAdjustment && context.IsWithin(measure.Date, context.TrackingAfter)
                && (tracked is null || measure.Date > tracked.Date
                    || (measure.Date == tracked.Date && string.CompareOrdinal(measure.Id, tracked.Id) > 0)))
            {
                tracked = measure;
            }
        }

        if (tracked is null)
        {
            return null;
        }

        foreach (var measure in measures)
        {
            if (measure.IsOutcome && measure.Date > tracked.Date)
            {
                return null;
            }
        }

        var promotionEnd = context.PromotionBlockEnd(measures);
        var leadershipEnd = context.LeadershipBlockEnd(measures);
        var promotionFrom = promotionEnd is { } p && p > tracked.Date ? p : tracked.Date;
        var leadershipFrom = leadershipEnd is { } l && l > tracked.Date ? l : tracked.Date;
        return new TrackingState(tracked, promotionFrom, leadershipFrom, context.AsOf < promotionFrom);
    }

    /// <summary>
    /// REINST-01: the reinstatement form for a tracked cadre whose record after the tracked measure
    /// qualifies: <c>Promotion</c> once promotion is eligible, else <c>Reappointment</c> once a
    /// leadership post is, else <see langword="null"/>.
    /// </summary>
    /// <param name="state">The tracking state.</param>
    /// <param name="context">The evaluation context.</param>
    /// <returns>The form, or <see langword="null"/>.</returns>
    public static MeasureKind? ReinstatementForm(TrackingState state, PolicyContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(context);
        if (context.AsOf >= state.PromotionEligibleFrom)
        {
            return MeasureKind.Promotion;
        }

        return context.AsOf >= state.LeadershipEligibleFrom ? MeasureKind.Reappointment : null;
    }

    /// <summary>Formats a date as <c>yyyy-MM-dd</c>.</summary>
    /// <param name="date">The date.</param>
    /// <returns>The text.</returns>
    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>The outcome of the MECH-02 escalation ladder.</summary>
/// <param name="Kind">Adjustment, Admonishment, or <see langword="default"/> for no step.</param>
/// <param name="Measures">The earlier measures the step rests on.</param>
/// <param name="YellowBefore">Whether the cadre was on the yellow board in the period immediately before.</param>
public sealed record EscalationStep(DecisionKind Kind, IReadOnlyList<Measure> Measures, bool YellowBefore)
{
    /// <summary>No step applies.</summary>
    public static EscalationStep None { get; } = new(default, [], false);

    /// <summary>Gets whether a step applies.</summary>
    public bool Applies => Kind.Name is not null;
}

/// <summary>Where a tracked cadre stands (MECH-05).</summary>
/// <param name="Measure">The tracked measure.</param>
/// <param name="PromotionEligibleFrom">The later of the tracked date and the end of the promotion block.</param>
/// <param name="LeadershipEligibleFrom">The later of the tracked date and the end of the leadership-post block.</param>
/// <param name="InInfluencePeriod">Whether as-of is before <paramref name="PromotionEligibleFrom"/>.</param>
public sealed record TrackingState(Measure Measure, DateOnly PromotionEligibleFrom, DateOnly LeadershipEligibleFrom, bool InInfluencePeriod);
