using CadreRules.Serialization;

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
    /// Evaluates every unit and cadre of a roster and writes the report as UTF-8 JSON, the same bytes as
    /// <see cref="ReportWriter.Write(AssessmentReport, Stream, bool)"/> of <see cref="Evaluate"/>'s report.
    /// </summary>
    /// <remarks>
    /// The default implementation does exactly that. <see cref="CadreEvaluator"/> writes the decisions
    /// while it evaluates, when the stream can seek and the roster lists its cadres grouped by unit in
    /// ascending id order, so that a large report never has to be held whole in memory; should the
    /// report then need the ordinary evaluation after all (a rule proposed about another batch's cadre),
    /// it cuts the stream back with <see cref="Stream.SetLength"/> to where the report started and writes
    /// it again.
    /// </remarks>
    /// <param name="roster">The roster.</param>
    /// <param name="utf8Output">The stream to write to; flushed, not disposed.</param>
    /// <param name="indented">Whether to indent (two spaces, <c>\n</c> newlines); otherwise one line.</param>
    /// <param name="cancellationToken">Cancels the evaluation; the stream may then hold part of a report.</param>
    /// <returns>The report without its decisions: their number, the counts and the statistics.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="roster"/> or <paramref name="utf8Output"/> is null.</exception>
    /// <exception cref="ArgumentException">The roster references an unknown cadre or has duplicate cadre ids.</exception>
    ReportSummary EvaluateTo(Roster roster, Stream utf8Output, bool indented = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Output);
        var report = Evaluate(roster, cancellationToken);
        ReportWriter.Write(report, utf8Output, indented);
        return ReportSummary.Of(report);
    }

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
