using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CadreRules;

/// <summary>
/// A half-year assessment period such as <c>2024H1</c> (mid-year 年中, Jan 1 – Jun 30) or
/// <c>2024H2</c> (year-end 年底, Jul 1 – Dec 31).
/// </summary>
public readonly record struct AssessmentPeriod : IComparable<AssessmentPeriod>
{
    /// <summary>Creates a period.</summary>
    /// <param name="year">The calendar year, 1 to 9999.</param>
    /// <param name="half">The half of the year.</param>
    /// <exception cref="ArgumentOutOfRangeException">The year or half is out of range.</exception>
    public AssessmentPeriod(int year, PeriodHalf half)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        if (half is not (PeriodHalf.H1 or PeriodHalf.H2))
        {
            throw new ArgumentOutOfRangeException(nameof(half), half, "A period half is H1 or H2.");
        }

        Year = year;
        Half = half;
    }

    /// <summary>Gets the calendar year.</summary>
    public int Year { get; }

    /// <summary>Gets the half of the year.</summary>
    public PeriodHalf Half { get; }

    /// <summary>Gets the first day of the period (Jan 1 or Jul 1).</summary>
    public DateOnly Start => new(Year, Half == PeriodHalf.H1 ? 1 : 7, 1);

    /// <summary>Gets the last day of the period (Jun 30 or Dec 31).</summary>
    public DateOnly End => Half == PeriodHalf.H1 ? new(Year, 6, 30) : new(Year, 12, 31);

    /// <summary>Gets the period immediately before this one (2023H2 before 2024H1, 2024H1 before 2024H2).</summary>
    public AssessmentPeriod Previous => Half == PeriodHalf.H2 ? new(Year, PeriodHalf.H1) : new(Year - 1, PeriodHalf.H2);

    /// <summary>Returns whether <paramref name="date"/> lies inside the period.</summary>
    /// <param name="date">The date to test.</param>
    /// <returns><see langword="true"/> when <see cref="Start"/> ≤ date ≤ <see cref="End"/>.</returns>
    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>Parses the canonical form <c>YYYYH1</c> / <c>YYYYH2</c> (the <c>H</c> is case-insensitive).</summary>
    /// <param name="text">The text to parse.</param>
    /// <param name="period">The parsed period.</param>
    /// <returns>Whether the text is a valid period.</returns>
    public static bool TryParse([NotNullWhen(true)] string? text, out AssessmentPeriod period)
    {
        period = default;
        if (text is null || text.Length != 6 || (text[4] != 'H' && text[4] != 'h'))
        {
            return false;
        }

        if (!int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year < 1)
        {
            return false;
        }

        PeriodHalf? half = text[5] switch { '1' => PeriodHalf.H1, '2' => PeriodHalf.H2, _ => null };
        if (half is null)
        {
            return false;
        }

        period = new AssessmentPeriod(year, half.Value);
        return true;
    }

    /// <summary>Parses the canonical form <c>YYYYH1</c> / <c>YYYYH2</c>.</summary>
    /// <param name="text">The text to parse.</param>
    /// <returns>The period.</returns>
    /// <exception cref="FormatException">The text is not a period.</exception>
    public static AssessmentPeriod Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a period; expected YYYYH1 or YYYYH2, e.g. 2024H2.");

    /// <inheritdoc />
    public int CompareTo(AssessmentPeriod other) => Year != other.Year ? Year.CompareTo(other.Year) : Half.CompareTo(other.Half);

    /// <summary>Compares two periods chronologically.</summary>
    public static bool operator <(AssessmentPeriod left, AssessmentPeriod right) => left.CompareTo(right) < 0;

    /// <summary>Compares two periods chronologically.</summary>
    public static bool operator >(AssessmentPeriod left, AssessmentPeriod right) => left.CompareTo(right) > 0;

    /// <summary>Compares two periods chronologically.</summary>
    public static bool operator <=(AssessmentPeriod left, AssessmentPeriod right) => left.CompareTo(right) <= 0;

    /// <summary>Compares two periods chronologically.</summary>
    public static bool operator >=(AssessmentPeriod left, AssessmentPeriod right) => left.CompareTo(right) >= 0;

    /// <summary>Returns the canonical spelling, e.g. <c>2024H2</c>.</summary>
    /// <returns>The canonical spelling.</returns>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}H{(int)Half}");
}
