namespace CadreRules;

/// <summary>
/// The annual grades of a roster read by <see cref="Serialization.RosterReader"/>: as
/// <see cref="EvidenceStore"/> for evidence, 12-byte rows (owner cadre index, year, grade) when the
/// parallel reader read every grade plainly, made into <see cref="AnnualGrade"/> objects when read
/// (2.4 million objects at 1M cadres, benchmarks/README.md, step 38).
/// </summary>
internal sealed class GradeStore : RowStore<AnnualGrade, GradeStore.Row>
{
    /// <summary>Creates an empty store.</summary>
    /// <param name="cadres">The roster's cadres, which rows name by index; filled as the roster is read.</param>
    /// <param name="arena">Where the rows go (the reader shares one among its chunks); a new arena when <see langword="null"/>.</param>
    public GradeStore(IReadOnlyList<Cadre> cadres, RowArena? arena = null)
        : base(cadres, arena)
    {
    }

    /// <summary>Adds a grade as a row; in object mode it is made into an object at once.</summary>
    public void AddRow(int owner, int year, AnnualGradeLevel grade) => AddRow(new Row(owner, year, (int)grade));

    /// <summary>Gets a grade's key (cadre id, year) without making the object.</summary>
    public (string CadreId, int Year) KeyAt(int index)
    {
        if (ObjectAt(index) is { } grade)
        {
            return (grade.CadreId, grade.Year);
        }

        Row row = RowAt(index);
        return (Cadres[row.Owner].Id, row.Year);
    }

    /// <summary>Gets a grade's year without making the object.</summary>
    public int YearAt(int index) => ObjectAt(index) is { } grade ? grade.Year : RowAt(index).Year;

    /// <inheritdoc />
    protected override AnnualGrade Create(in Row row) =>
        new() { CadreId = Cadres[row.Owner].Id, Year = row.Year, Grade = (AnnualGradeLevel)row.Grade };

    /// <summary>One annual grade: 12 bytes.</summary>
    internal readonly struct Row(int owner, int year, int grade)
    {
        public readonly int Owner = owner;
        public readonly int Year = year;
        public readonly byte Grade = (byte)grade;
    }
}
