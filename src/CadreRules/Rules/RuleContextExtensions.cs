using NRules.RuleModel;

namespace CadreRules.Rules;

/// <summary>How a rule's action proposes a decision.</summary>
public static class RuleContextExtensions
{
    /// <summary>
    /// Inserts a <see cref="Proposal"/> whose rule id is the firing rule's name, so every decision
    /// names the rules behind it.
    /// </summary>
    /// <param name="context">The rule's action context.</param>
    /// <param name="kind">The kind of decision.</param>
    /// <param name="subject">The cadre or unit id.</param>
    /// <param name="reason">A sentence saying why.</param>
    /// <param name="evidence">The ids of the evidence records and measures matched.</param>
    /// <param name="details">Kind-specific details.</param>
    /// <returns>The inserted proposal.</returns>
    public static Proposal Propose(
        this IContext context,
        DecisionKind kind,
        string subject,
        string reason,
        IEnumerable<string>? evidence = null,
        IReadOnlyDictionary<string, object>? details = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var proposal = new Proposal(context.Rule.Name, kind, subject, reason, evidence, details);

        // Inside CadreEvaluator the proposal is inserted with the others of its batch, before any
        // rule that reads proposals fires (ProposalSink); elsewhere, at once.
        if (ProposalSink.Current is { } sink)
        {
            sink.Add(proposal);
        }
        else
        {
            context.Insert(proposal);
        }

        return proposal;
    }
}
