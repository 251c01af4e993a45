using NRules.RuleModel;

namespace CadreRules;

/// <summary>
/// The fact types that the patterns of a set of rules can match in the cadre phase, found by
/// walking each rule's left-hand side. A rule that matches a <see cref="Unit"/> can fire only in the
/// unit phase (the cadre phase has no Unit fact), so its other patterns do not count.
/// </summary>
internal sealed class MatchedFactTypes : RuleElementVisitor<HashSet<Type>>
{
    public static Type[] InCadrePhase(IEnumerable<IRuleDefinition> rules)
    {
        var types = new HashSet<Type>();
        var visitor = new MatchedFactTypes();
        foreach (var rule in rules)
        {
            var ruleTypes = new HashSet<Type>();
            visitor.Visit(ruleTypes, rule.LeftHandSide);
            if (!ruleTypes.Any(t => t.IsAssignableFrom(typeof(Unit))))
            {
                types.UnionWith(ruleTypes);
            }
        }

        return [.. types];
    }

    protected override PatternElement VisitPattern(HashSet<Type> context, PatternElement element)
    {
        // A pattern over an aggregate's or a binding's result has a source; only source-less
        // patterns take facts from working memory.
        if (element.Source is null)
        {
            context.Add(element.ValueType);
        }

        return base.VisitPattern(context, element);
    }
}
