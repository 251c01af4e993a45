using NRules.RuleModel;

namespace CadreRules;

/// <summary>
/// The fact types that the patterns of a set of rules can match, per phase. A rule that matches a
/// <see cref="Unit"/> or a <see cref="UnitRecord"/> can fire only in the unit phase (the cadre phase
/// has neither), so its other patterns do not count for the cadre phase.
/// </summary>
internal static class MatchedFactTypes
{
    public static Type[] InCadrePhase(IEnumerable<IRuleDefinition> rules)
    {
        var types = new HashSet<Type>();
        foreach (var rule in rules)
        {
            var ruleTypes = RulePatterns.Of(rule).ConvertAll(p => p.ValueType);
            if (!ruleTypes.Exists(t => t.IsAssignableFrom(typeof(Unit)) || t.IsAssignableFrom(typeof(UnitRecord))))
            {
                types.UnionWith(ruleTypes);
            }
        }

        return [.. types];
    }

    // The facts only a cadre session holds: no unit session ever has one.
    private static readonly Type[] CadreSessionTypes = [typeof(CadreRecord), typeof(Evidence), typeof(AnnualGrade), typeof(Measure), typeof(BoardPlacement)];

    /// <summary>
    /// Whether <paramref name="rule"/> can fire in a unit session, whose facts are the
    /// <see cref="PolicyContext"/>, the <see cref="Unit"/>, its <see cref="UnitRecord"/>, maybe its
    /// cadres, and proposals. It cannot when a top-level positive pattern takes only facts that the
    /// cadre sessions alone hold (a <see cref="CadreRecord"/>, evidence, grades, measures, placements:
    /// no such fact is ever in a unit session, so the pattern never matches), or when the rule is marked
    /// <see cref="Rules.CadreSessionOnlyAttribute"/> (<paramref name="cadreSessionOnly"/>).
    /// </summary>
    /// <param name="rule">The rule.</param>
    /// <param name="cadreSessionOnly">The ids of the built-in rules marked as firing in cadre sessions only.</param>
    /// <returns>Whether the rule belongs in the unit sessions.</returns>
    public static bool CanFireInUnitSessions(IRuleDefinition rule, IReadOnlySet<string> cadreSessionOnly)
    {
        if (cadreSessionOnly.Contains(rule.Name))
        {
            return false;
        }

        // Only the top level of the left-hand side: a pattern inside Not, Exists or an aggregate is
        // satisfied, or aggregates, without any fact.
        if (rule.LeftHandSide is AndElement and)
        {
            foreach (var element in and.ChildElements)
            {
                if (element is PatternElement { Source: null } pattern && Array.Exists(CadreSessionTypes, t => t.IsAssignableFrom(pattern.ValueType)))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>
    /// Whether some rule has a pattern that a <see cref="Cadre"/> can match: only then do the unit
    /// sessions get the unit's cadres as facts of their own (the built-in rules read them through
    /// <see cref="UnitRecord"/>).
    /// </summary>
    public static bool AnyMatchesCadre(IEnumerable<IRuleDefinition> rules) =>
        rules.Any(rule => RulePatterns.Of(rule).Exists(p => p.ValueType.IsAssignableFrom(typeof(Cadre))));
}

/// <summary>
/// The patterns of a rule that take facts from working memory, found by walking its left-hand
/// side (into Not, Exists, aggregates and queries).
/// </summary>
internal sealed class RulePatterns : RuleElementVisitor<List<PatternElement>>
{
    private static readonly RulePatterns Visitor = new();

    /// <summary>Returns the source-less patterns of <paramref name="rule"/>.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>The patterns.</returns>
    public static List<PatternElement> Of(IRuleDefinition rule)
    {
        var patterns = new List<PatternElement>();
        Visitor.Visit(patterns, rule.LeftHandSide);
        return patterns;
    }

    protected override PatternElement VisitPattern(List<PatternElement> context, PatternElement element)
    {
        // A pattern over an aggregate's or a binding's result has a source; only source-less
        // patterns take facts from working memory.
        if (element.Source is null)
        {
            context.Add(element);
        }

        return base.VisitPattern(context, element);
    }
}
