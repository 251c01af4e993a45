namespace CadreRules;

/// <summary>Evaluates a roster against the policy. Thread-safe; resolve it as a singleton.</summary>
public interface ICadreEvaluator
{
    /// <summary>Evaluates every unit and cadre of a roster.</summary>
    /// <param name="roster">The roster.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The report: every proposal with its rules, evidence and reasons.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roster"/> is null.</exception>
    /// <exception cref="ArgumentException">The roster references an unknown cadre or has duplicate cadre ids.</exception>
    AssessmentReport Evaluate(Roster roster, CancellationToken cancellationToken = default);

    /// <summary>
    /// Explains every decision about one cadre: the rules, the evidence (date, channel, kind) and
    /// plain sentences with dates. Evaluates the roster (unit decisions need the whole unit).
    /// </summary>
    /// <param name="roster">The roster.</param>
    /// <param name="cadreId">The cadre id.</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    /// <returns>The explanation.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="KeyNotFoundException">The roster has no cadre with that id.</exception>
    CadreExplanation Explain(Roster roster, string cadreId, CancellationToken cancellationToken = default);
}
