using System.Globalization;

namespace CadreRules.Generation;

/// <summary>How <see cref="RosterGenerator"/> shapes a generated roster. Changing an option changes the roster.</summary>
public sealed class RosterGeneratorOptions
{
    /// <summary>Gets or sets the evaluated period; as-of is the period's last day.</summary>
    /// <value>The default value is <c>2024H2</c>.</value>
    public AssessmentPeriod Period { get; set; } = new(2024, PeriodHalf.H2);

    /// <summary>Gets or sets the average number of evidence records per cadre.</summary>
    /// <value>The default value is 6.</value>
    public int AverageEvidencePerCadre { get; set; } = 6;

    /// <summary>Gets or sets the smallest number of cadres in a unit (the last unit may be smaller).</summary>
    /// <value>The default value is 20.</value>
    public int MinUnitSize { get; set; } = 20;

    /// <summary>Gets or sets the largest number of cadres in a unit.</summary>
    /// <value>The default value is 100.</value>
    public int MaxUnitSize { get; set; } = 100;

    /// <summary>
    /// Gets or sets the share of cadres given a scripted history (reinstatement, escalation, grade
    /// consequences, red board, statistics…) on top of random evidence, so that every rule fires.
    /// </summary>
    /// <value>The default value is 0.15.</value>
    public double ScenarioRate { get; set; } = 0.15;

    /// <summary>Returns every problem with these options; empty when valid.</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Period.Year < 10)
        {
            problems.Add("Period must be a real period such as 2024H2.");
        }

        if (AverageEvidencePerCadre < 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"AverageEvidencePerCadre must not be negative (was {AverageEvidencePerCadre})."));
        }

        if (MinUnitSize < 1 || MaxUnitSize < MinUnitSize)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"Unit sizes must satisfy 1 ≤ MinUnitSize ≤ MaxUnitSize (were {MinUnitSize} and {MaxUnitSize})."));
        }

        if (!(ScenarioRate >= 0 && ScenarioRate <= 1))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"ScenarioRate must be in [0, 1] (was {ScenarioRate})."));
        }

        return problems;
    }
}
