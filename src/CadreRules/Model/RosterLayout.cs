namespace CadreRules;

/// <summary>
/// How <c>RosterReader</c> found a roster's records laid out: for each section whose records came
/// grouped by owner in owner order (cadres by unit, records by cadre), each owner's first element. The
/// engine's index takes these groupings as they are instead of looking every record's owner up again.
/// A roster's lists cannot be replaced after construction; <see cref="Describes"/> also checks their
/// counts, so that a list changed behind its read-only interface is grouped again rather than misread.
/// </summary>
internal sealed class RosterLayout
{
    /// <summary>Creates the layout of the lists of <paramref name="lists"/> (the reader's own roster).</summary>
    public RosterLayout(Roster lists, int[]? cadreStarts, int[]? evidenceStarts, int[]? gradeStarts, int[]? measureStarts, int[]? boardStarts)
    {
        CadreStarts = cadreStarts;
        EvidenceStarts = evidenceStarts;
        GradeStarts = gradeStarts;
        MeasureStarts = measureStarts;
        BoardStarts = boardStarts;
        Counts = Count(lists);
    }

    /// <summary>Gets each unit's first cadre (units + 1 entries), or <see langword="null"/>.</summary>
    public int[]? CadreStarts { get; }

    /// <summary>Gets each cadre's first evidence record (cadres + 1 entries), or <see langword="null"/>.</summary>
    public int[]? EvidenceStarts { get; }

    /// <summary>Gets each cadre's first annual grade, or <see langword="null"/>.</summary>
    public int[]? GradeStarts { get; }

    /// <summary>Gets each cadre's first measure, or <see langword="null"/>.</summary>
    public int[]? MeasureStarts { get; }

    /// <summary>Gets each cadre's first board placement, or <see langword="null"/>.</summary>
    public int[]? BoardStarts { get; }

    private (int, int, int, int, int, int) Counts { get; }

    /// <summary>Whether the lists of <paramref name="roster"/> still have the counts this layout was made for.</summary>
    public bool Describes(Roster roster) => Count(roster) == Counts;

    private static (int, int, int, int, int, int) Count(Roster roster) =>
        (roster.Units.Count, roster.Cadres.Count, roster.Evidence.Count, roster.AnnualGrades.Count, roster.Measures.Count, roster.BoardHistory.Count);
}
