using NRules.RuleModel;

namespace CadreRules;

/// <summary>The fact types that the patterns of a set of rules match, found by walking each rule's left-hand side.</summary>
internal sealed class MatchedFactTypes : RuleElementVisitor<HashSet<Type>>
{
    public static Type[] Of(IEnumerable<IRuleDefinition> rules)
    {
        var types = new HashSet<Type>();
        var visitor = new MatchedFactTypes();
        foreach (var rule in rules)
        {
            visitor.Visit(types, rule.LeftHandSide);
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
