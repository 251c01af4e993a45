using System.Runtime.CompilerServices;

namespace CadreRules.Tests.Serialization;

/// <summary>
/// <see cref="RowArena"/> holds the row segments of the evidence and grade stores in native memory.
/// Allocations must not overlap, a segment filled short gives its tail back only when nothing came
/// after it, and the memory of a segment must live as long as any store that holds it, including a
/// store that took the segment over from a chunk's store with an arena of its own.
/// </summary>
public sealed class RowArenaTests
{
    private static readonly List<Cadre> Cadres =
    [
        new() { Id = "C-1", Name = "张三", UnitId = "U-1", Rank = CadreRank.Division },
        new() { Id = "C-2", Name = "李四", UnitId = "U-1", Rank = CadreRank.DeputyDivision },
    ];

    [Fact]
    public void Allocate_SuccessiveAllocations_AreAlignedAndDoNotOverlap()
    {
        var arena = new RowArena();

        nint first = arena.Allocate(40);
        nint second = arena.Allocate(24);
        nint third = arena.Allocate(1);

        (first % 16).Should().Be(0);
        (second % 16).Should().Be(0);
        (third % 16).Should().Be(0);
        second.Should().BeGreaterThanOrEqualTo(first + 40);
        third.Should().BeGreaterThanOrEqualTo(second + 24);
    }

    [Fact]
    public void Allocate_LargerThanABlock_GetsABlockOfItsOwn()
    {
        var arena = new RowArena();
        arena.Allocate(64);

        arena.Allocate(5 << 20);

        // The first 4 MiB block, and a block rounded up to whole 2 MiB pages for the large one.
        arena.ReservedBytes.Should().Be((4 << 20) + (6 << 20));
    }

    [Fact]
    public void Shrink_LatestAllocation_GivesTheTailBack()
    {
        var arena = new RowArena();
        nint segment = arena.Allocate(320);

        arena.Shrink(segment, 320, 64);

        arena.Allocate(16).Should().Be(segment + 64);
    }

    [Fact]
    public void Shrink_AllocationFollowedByAnother_KeepsTheTail()
    {
        var arena = new RowArena();
        nint segment = arena.Allocate(320);
        nint next = arena.Allocate(32);

        arena.Shrink(segment, 320, 64);

        arena.Allocate(16).Should().Be(next + 32);
    }

    [Fact]
    public void AddRange_SegmentsOfAnotherArena_KeepThatArenaAlive()
    {
        var parent = new GradeStore(Cadres);
        WeakReference childArena = AddChunkWithItsOwnArena(parent);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        childArena.IsAlive.Should().BeTrue("the parent holds rows in the child arena's memory");
        parent.Select(g => (g.CadreId, g.Year, g.Grade)).Should().Equal(
            ("C-1", 2021, AnnualGradeLevel.Excellent), ("C-2", 2022, AnnualGradeLevel.Competent), ("C-1", 2023, AnnualGradeLevel.Incompetent));
        GC.KeepAlive(parent);
    }

    [Fact]
    public void Store_NoLongerReachable_ItsArenaIsCollected()
    {
        WeakReference arena = FillAStoreAndDropIt();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        arena.IsAlive.Should().BeFalse();
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference AddChunkWithItsOwnArena(GradeStore parent)
    {
        var arena = new RowArena();
        var child = new GradeStore(Cadres, arena);
        child.Reserve(3);
        child.AddRow(0, 2021, AnnualGradeLevel.Excellent);
        child.AddRow(1, 2022, AnnualGradeLevel.Competent);
        child.AddRow(0, 2023, AnnualGradeLevel.Incompetent);
        parent.AddRange(child);
        return new WeakReference(arena);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference FillAStoreAndDropIt()
    {
        var arena = new RowArena();
        var store = new GradeStore(Cadres, arena);
        store.AddRow(0, 2021, AnnualGradeLevel.Excellent);
        store.Seal();
        store.Should().ContainSingle();
        return new WeakReference(arena);
    }
}
