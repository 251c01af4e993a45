namespace CadreRules.Tests.Serialization;

/// <summary>
/// <see cref="GradeStore"/> keeps annual grades read plainly as rows. Its keys must be readable without
/// making objects (the reader checks them per cadre group), and the objects it makes must carry the
/// values added, in order, in either mode.
/// </summary>
public sealed class GradeStoreTests
{
    private static readonly List<Cadre> Cadres =
    [
        new() { Id = "C-1", Name = "张三", UnitId = "U-1", Rank = CadreRank.Division },
        new() { Id = "C-2", Name = "李四", UnitId = "U-1", Rank = CadreRank.DeputyDivision },
    ];

    private static GradeStore Chunk(params (int Owner, int Year, AnnualGradeLevel Grade)[] rows)
    {
        var store = new GradeStore(Cadres);
        store.Reserve(rows.Length);
        foreach (var (owner, year, grade) in rows)
        {
            store.AddRow(owner, year, grade);
        }

        return store;
    }

    [Fact]
    public void AddRow_ThenRead_MakesGradesWithTheValuesAdded()
    {
        var parent = new GradeStore(Cadres);
        parent.AddRange(Chunk((0, 2022, AnnualGradeLevel.Excellent), (0, 2023, AnnualGradeLevel.Competent)));
        parent.AddRange(Chunk((1, 2023, AnnualGradeLevel.Incompetent)));
        parent.Seal();

        parent.IsCompact.Should().BeTrue();
        parent.Select(g => (g.CadreId, g.Year, g.Grade)).Should().Equal(
            ("C-1", 2022, AnnualGradeLevel.Excellent), ("C-1", 2023, AnnualGradeLevel.Competent), ("C-2", 2023, AnnualGradeLevel.Incompetent));
        Enumerable.Range(0, 3).Select(parent.KeyAt).Should().Equal(("C-1", 2022), ("C-1", 2023), ("C-2", 2023));
        parent.YearAt(2).Should().Be(2023);
        parent.Slice(1, 2).Select(g => g.CadreId).Should().Equal("C-1", "C-2");
        parent[0].Should().NotBeSameAs(parent[0]).And.BeEquivalentTo(parent[0]);
    }

    [Fact]
    public void AddRange_ChunkOfObjects_TurnsTheStoreIntoObjectsInOrder()
    {
        var built = new AnnualGrade { CadreId = "C-2", Year = 2021, Grade = AnnualGradeLevel.BasicallyCompetent };
        var objects = new GradeStore(Cadres);
        objects.Add(built);
        var parent = new GradeStore(Cadres);
        parent.AddRange(Chunk((0, 2022, AnnualGradeLevel.Excellent)));

        parent.AddRange(objects);
        parent.AddRange(Chunk((1, 2023, AnnualGradeLevel.Competent)));

        parent.IsCompact.Should().BeFalse();
        parent.AsReadOnlyList().Should().BeOfType<List<AnnualGrade>>();
        parent[1].Should().BeSameAs(built);
        Enumerable.Range(0, 3).Select(parent.KeyAt).Should().Equal(("C-1", 2022), ("C-2", 2021), ("C-2", 2023));
        parent.YearAt(1).Should().Be(2021);
    }
}
