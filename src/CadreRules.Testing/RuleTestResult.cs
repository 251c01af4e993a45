using System.Text;

namespace CadreRules.Testing;

/// <summary>
/// The outcome of one harness evaluation, with assertions. A rule has <i>fired for</i> a subject
/// when the report has a decision about that subject which the rule supports (its id is in
/// <see cref="Decision.Rules"/>): every rule action proposes through <c>ctx.Propose</c>, and the
/// report is what a host sees.
/// </summary>
public sealed class RuleTestResult
{
    internal RuleTestResult(Roster roster, AssessmentReport report, CadrePolicyOptions options, CadreRuleSet rules)
    {
        Roster = roster;
        Report = report;
        Options = options;
        Rules = rules;
    }

    /// <summary>Gets the evaluated roster.</summary>
    public Roster Roster { get; }

    /// <summary>Gets the report.</summary>
    public AssessmentReport Report { get; }

    /// <summary>Gets the policy options used.</summary>
    public CadrePolicyOptions Options { get; }

    /// <summary>Gets the compiled rules used.</summary>
    public CadreRuleSet Rules { get; }

    /// <summary>Asserts that a rule supports at least one decision; narrow further with the returned assertion.</summary>
    /// <param name="ruleId">The rule id.</param>
    /// <returns>The decisions the rule supports.</returns>
    /// <exception cref="CadreRulesAssertionException">The rule supports no decision.</exception>
    public DecisionAssertion Fired(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        RequireKnown(ruleId);
        var supported = Report.Decisions.Where(d => d.Rules.Contains(ruleId, StringComparer.Ordinal)).ToList();
        if (supported.Count == 0)
        {
            throw new CadreRulesAssertionException(new StringBuilder()
                .Append("Expected rule ").Append(ruleId).Append(" to fire, but it supports no decision.").AppendLine()
                .Append(DescribeAll()).ToString());
        }

        return new DecisionAssertion(this, $"rule {ruleId}", supported);
    }

    /// <summary>Asserts that a rule supports no decision (about <paramref name="subject"/>, when given).</summary>
    /// <param name="ruleId">The rule id.</param>
    /// <param name="subject">A cadre or unit id, or <see langword="null"/> for any subject.</param>
    /// <returns>This result.</returns>
    /// <exception cref="CadreRulesAssertionException">The rule supports a decision.</exception>
    public RuleTestResult NotFired(string ruleId, string? subject = null)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        RequireKnown(ruleId);
        var supported = Report.Decisions
            .Where(d => d.Rules.Contains(ruleId, StringComparer.Ordinal) && (subject is null || d.Subject == subject))
            .ToList();
        if (supported.Count > 0)
        {
            throw new CadreRulesAssertionException(new StringBuilder()
                .Append("Expected rule ").Append(ruleId).Append(" not to fire").Append(subject is null ? string.Empty : $" for {subject}")
                .Append(", but it supports ").Append(supported.Count).Append(supported.Count == 1 ? " decision:" : " decisions:").AppendLine()
                .Append(Describe(supported)).ToString());
        }

        return this;
    }

    /// <summary>Asserts that there is a decision of a kind about a subject.</summary>
    /// <param name="kind">The decision kind.</param>
    /// <param name="subject">The cadre or unit id.</param>
    /// <returns>The matching decisions (one, or one per category for negative-list entries).</returns>
    /// <exception cref="CadreRulesAssertionException">There is no such decision.</exception>
    public DecisionAssertion Decision(DecisionKind kind, string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var found = Report.Decisions.Where(d => d.Kind == kind && d.Subject == subject).ToList();
        if (found.Count == 0)
        {
            throw new CadreRulesAssertionException(new StringBuilder()
                .Append("Expected a ").Append(kind).Append(" decision about ").Append(subject).Append(", but there is none.").AppendLine()
                .Append(DescribeSubject(subject)).ToString());
        }

        return new DecisionAssertion(this, $"{kind} about {subject}", found);
    }

    /// <summary>Asserts that there is a decision of a kind, named by text (for host kinds), about a subject.</summary>
    /// <param name="kind">The decision kind's name, e.g. <c>RedBoard</c>.</param>
    /// <param name="subject">The cadre or unit id.</param>
    /// <returns>The matching decisions.</returns>
    /// <exception cref="CadreRulesAssertionException">There is no such decision.</exception>
    public DecisionAssertion Decision(string kind, string subject) => Decision(new DecisionKind(kind), subject);

    /// <summary>Asserts that there is no decision of a kind about a subject.</summary>
    /// <param name="kind">The decision kind.</param>
    /// <param name="subject">The cadre or unit id.</param>
    /// <returns>This result.</returns>
    /// <exception cref="CadreRulesAssertionException">There is such a decision.</exception>
    public RuleTestResult NoDecision(DecisionKind kind, string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var found = Report.Decisions.Where(d => d.Kind == kind && d.Subject == subject).ToList();
        if (found.Count > 0)
        {
            throw new CadreRulesAssertionException(new StringBuilder()
                .Append("Expected no ").Append(kind).Append(" decision about ").Append(subject).Append(", but found:").AppendLine()
                .Append(Describe(found)).ToString());
        }

        return this;
    }

    /// <summary>Explains every decision about one cadre, as <see cref="ICadreEvaluator.Explain"/> does.</summary>
    /// <param name="cadreId">The cadre id.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="KeyNotFoundException">The roster has no such cadre.</exception>
    public CadreExplanation Explain(string cadreId) => CadreExplainer.Explain(Roster, Report, cadreId, Options);

    internal string DescribeSubject(string subject)
    {
        var about = Report.Decisions.Where(d => d.Subject == subject).ToList();
        return about.Count == 0
            ? $"There is no decision about {subject}." + Environment.NewLine + DescribeAll()
            : $"Decisions about {subject}:" + Environment.NewLine + Describe(about);
    }

    internal string DescribeAll() => Report.Decisions.Count == 0
        ? "The report has no decision."
        : "The report has:" + Environment.NewLine + Describe(Report.Decisions);

    internal static string Describe(IEnumerable<Decision> decisions)
    {
        var text = new StringBuilder();
        foreach (var d in decisions)
        {
            text.Append("  ").Append(d.Kind).Append(' ').Append(d.Subject).Append(" [").AppendJoin(", ", d.Rules).Append(']');
            if (d.Details.Count > 0)
            {
                text.Append(" {").AppendJoin(", ", d.Details.Select(kv => $"{kv.Key}: {DetailKeys.Format(kv.Value)}")).Append('}');
            }

            if (d.Evidence.Count > 0)
            {
                text.Append(" evidence: ").AppendJoin(", ", d.Evidence);
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    private void RequireKnown(string ruleId)
    {
        // A typo in a rule id would make NotFired pass for ever. A disabled rule is known (and cannot
        // fire); a rule left out by Only cannot fire either, so asserting on it tests nothing.
        if (!Rules.Rules.Any(r => r.Id == ruleId) && !Options.DisabledRules.Contains(ruleId))
        {
            throw new CadreRulesAssertionException(
                $"Rule {ruleId} is not in the evaluated rule set; the rules are: {string.Join(", ", Rules.Rules.Select(r => r.Id))}.");
        }
    }
}

/// <summary>
/// A non-empty set of decisions to narrow down: each method keeps the decisions that match and
/// throws <see cref="CadreRulesAssertionException"/> when none does.
/// </summary>
public sealed class DecisionAssertion
{
    private readonly RuleTestResult _result;
    private readonly string _description;

    internal DecisionAssertion(RuleTestResult result, string description, IReadOnlyList<Decision> decisions)
    {
        _result = result;
        _description = description;
        Decisions = decisions;
    }

    /// <summary>Gets the decisions still matching.</summary>
    public IReadOnlyList<Decision> Decisions { get; }

    /// <summary>Gets the single decision still matching.</summary>
    /// <exception cref="CadreRulesAssertionException">More than one decision matches.</exception>
    public Decision Single => Decisions.Count == 1
        ? Decisions[0]
        : throw new CadreRulesAssertionException($"Expected one decision for {_description}, but {Decisions.Count} match:{Environment.NewLine}{RuleTestResult.Describe(Decisions)}");

    /// <summary>Keeps the decisions about a subject.</summary>
    /// <param name="subject">The cadre or unit id.</param>
    /// <returns>The narrowed assertion.</returns>
    public DecisionAssertion For(string subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return Narrow($"for {subject}", d => d.Subject == subject, () => _result.DescribeSubject(subject));
    }

    /// <summary>Keeps the decisions of a kind.</summary>
    /// <param name="kind">The decision kind.</param>
    /// <returns>The narrowed assertion.</returns>
    public DecisionAssertion Proposing(DecisionKind kind) => Narrow($"proposing {kind}", d => d.Kind == kind, null);

    /// <summary>Keeps the decisions a rule supports.</summary>
    /// <param name="ruleId">The rule id.</param>
    /// <returns>The narrowed assertion.</returns>
    public DecisionAssertion SupportedBy(string ruleId)
    {
        ArgumentNullException.ThrowIfNull(ruleId);
        return Narrow($"supported by {ruleId}", d => d.Rules.Contains(ruleId, StringComparer.Ordinal), null);
    }

    /// <summary>Keeps the decisions with a detail of this value (dates as <c>yyyy-MM-dd</c>, lists comma-separated).</summary>
    /// <param name="key">The detail key, e.g. <see cref="DetailKeys.Form"/>.</param>
    /// <param name="value">The expected value as text.</param>
    /// <returns>The narrowed assertion.</returns>
    public DecisionAssertion WithDetail(string key, string value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        return Narrow($"with {key} = {value}", d => d.GetDetail(key) == value, null);
    }

    /// <summary>Keeps the decisions that cite every one of these evidence or measure ids.</summary>
    /// <param name="ids">The ids.</param>
    /// <returns>The narrowed assertion.</returns>
    public DecisionAssertion WithEvidence(params string[] ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return Narrow($"citing {string.Join(", ", ids)}", d => ids.All(id => d.Evidence.Contains(id, StringComparer.Ordinal)), null);
    }

    /// <summary>Keeps the decisions with a reason containing this text (ordinal).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The narrowed assertion.</returns>
    public DecisionAssertion WithReasonContaining(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Narrow($"with a reason containing \"{text}\"", d => d.Reasons.Any(r => r.Contains(text, StringComparison.Ordinal)), null);
    }

    private DecisionAssertion Narrow(string step, Func<Decision, bool> predicate, Func<string>? context)
    {
        var kept = Decisions.Where(predicate).ToList();
        if (kept.Count == 0)
        {
            var message = new StringBuilder()
                .Append("Expected ").Append(_description).Append(' ').Append(step).Append(", but no decision matches. Candidates:").AppendLine()
                .Append(RuleTestResult.Describe(Decisions));
            if (context is not null)
            {
                message.Append(context());
            }

            throw new CadreRulesAssertionException(message.ToString().TrimEnd());
        }

        return new DecisionAssertion(_result, $"{_description} {step}", kept);
    }
}

/// <summary>A failed harness assertion; the message says what was expected and what was produced.</summary>
public sealed class CadreRulesAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CadreRulesAssertionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected and what was found.</param>
    public CadreRulesAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected and what was found.</param>
    /// <param name="innerException">The cause.</param>
    public CadreRulesAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
