namespace CadreRules.Tests.Serialization;

/// <summary>
/// <see cref="EvidenceStore"/> keeps evidence read plainly as rows and makes the objects when they are
/// read. The objects must carry exactly the values added, in order, across the segments the parallel
/// reader's chunks leave, and a store that receives any object must turn into a plain list of objects
/// without losing or reordering a record.
/// </summary>
public sealed class EvidenceStoreTests
{
    private static readonly List<Cadre> Cadres =
    [
        new() { Id = "C-1", Name = "张三", UnitId = "U-1", Rank = CadreRank.Division },
        new() { Id = "C-2", Name = "李四", UnitId = "U-1", Rank = CadreRank.DeputyDivision },
    ];

    private static readonly DateOnly May2 = new(2024, 5, 2);

    private static void AddRow(EvidenceStore store, string id, int owner, int day, EvidenceKind kind, int first = 0, int second = 0, int third = 0)
    {
        var (high, low) = PackedAscii.Pack(id);
        store.AddRow(owner, high, low, May2.AddDays(day), kind, EvidenceChannel.Audit, first, second, third);
    }

    private static EvidenceStore Chunk(params (string Id, int Owner)[] rows)
    {
        var store = new EvidenceStore(Cadres);
        store.Reserve(rows.Length);
        foreach (var (id, owner) in rows)
        {
            AddRow(store, id, owner, id.Length, EvidenceKind.Attitude, (int)AttitudeRating.Positive);
        }

        return store;
    }

    [Fact]
    public void AddRow_EachKind_MakesEvidenceWithTheValuesAdded()
    {
        var store = new EvidenceStore(Cadres);
        AddRow(store, "E-1", 0, 0, EvidenceKind.WorkStyle, (int)WorkStyleProblem.Evading, (int)Severity.Serious, (int)FindingStatus.Verified);
        AddRow(store, "E-2", 1, 1, EvidenceKind.NegativeList, (int)NegativeListCategory.TwoFaced, (int)FindingStatus.EarlySign);
        AddRow(store, "E-3", 0, 2, EvidenceKind.KeyTask, (int)KeyTaskKind.ProjectConstruction, (int)KeyTaskRating.Failed);
        AddRow(store, "E-4", 1, 3, EvidenceKind.Attitude, (int)AttitudeRating.Negative);
        store.Seal();

        store.Should().HaveCount(4);
        store.IsCompact.Should().BeTrue();
        store[0].Should().BeOfType<WorkStyleEvidence>().Which.Should().BeEquivalentTo(new
        {
            Id = "E-1", CadreId = "C-1", Date = May2, Channel = EvidenceChannel.Audit,
            WorkStyle = WorkStyleProblem.Evading, Severity = Severity.Serious, Status = FindingStatus.Verified,
        });
        store[1].Should().BeOfType<NegativeListEvidence>().Which.Should().BeEquivalentTo(new
        {
            Id = "E-2", CadreId = "C-2", Date = May2.AddDays(1), Category = NegativeListCategory.TwoFaced, Status = FindingStatus.EarlySign,
        });
        store[2].Should().BeOfType<KeyTaskEvidence>().Which.Should().BeEquivalentTo(new
        {
            Id = "E-3", CadreId = "C-1", Date = May2.AddDays(2), Task = KeyTaskKind.ProjectConstruction, Rating = KeyTaskRating.Failed,
        });
        store[3].Should().BeOfType<AttitudeEvidence>().Which.Should().BeEquivalentTo(new
        {
            Id = "E-4", CadreId = "C-2", Date = May2.AddDays(3), Attitude = AttitudeRating.Negative,
        });
        store.IdAt(2).Should().Be("E-3");
        store.DateAt(3).Should().Be(May2.AddDays(3));
    }

    [Fact]
    public void Indexer_CompactStore_MakesANewEqualObjectOnEachRead()
    {
        var store = Chunk(("E-1", 0));
        store.Seal();

        var first = store[0];
        var second = store[0];

        second.Should().NotBeSameAs(first, "rows are made into objects when read, not kept");
        second.Should().BeEquivalentTo(first);
    }

    [Fact]
    public void AddRange_CompactChunks_TakesTheirSegmentsAndSlicesAcrossThem()
    {
        var parent = new EvidenceStore(Cadres);
        parent.AddRange(Chunk(("E-1", 0), ("E-2", 0), ("E-3", 1)));
        parent.AddRange(Chunk(("E-4", 1)));
        parent.AddRange(Chunk());
        parent.AddRange(Chunk(("E-5", 1), ("E-6", 1), ("E-7", 0), ("E-8", 0)));
        parent.Seal();

        parent.IsCompact.Should().BeTrue();
        parent.AsReadOnlyList().Should().BeSameAs(parent);
        parent.Select(e => e.Id).Should().Equal("E-1", "E-2", "E-3", "E-4", "E-5", "E-6", "E-7", "E-8");
        parent.Slice(2, 4).Select(e => (e.Id, e.CadreId)).Should().Equal(("E-3", "C-2"), ("E-4", "C-2"), ("E-5", "C-2"), ("E-6", "C-2"));
        parent.Slice(7, 1).Single().Id.Should().Be("E-8");
        Enumerable.Range(0, 8).Select(parent.IdAt).Should().Equal(parent.Select(e => e.Id));
    }

    [Fact]
    public void AddRow_FewerThanReserved_SealTrimsTheSegment()
    {
        var store = new EvidenceStore(Cadres);
        store.Reserve(10);
        AddRow(store, "E-1", 0, 0, EvidenceKind.Attitude);
        AddRow(store, "E-2", 1, 0, EvidenceKind.Attitude);
        store.Seal();
        var parent = new EvidenceStore(Cadres);
        parent.AddRange(store);
        parent.AddRange(Chunk(("E-3", 0)));

        parent.Should().HaveCount(3);
        parent.Slice(0, 3).Select(e => e.Id).Should().Equal("E-1", "E-2", "E-3");
    }

    [Fact]
    public void AddRow_BeyondTheReservedCount_OpensAnotherSegment()
    {
        var store = new EvidenceStore(Cadres);
        store.Reserve(1);
        for (int i = 0; i < 200; i++)
        {
            AddRow(store, $"E-{i:D3}", i % 2, i, EvidenceKind.Attitude);
        }

        store.Seal();

        store.Should().HaveCount(200);
        store.Slice(0, 200).Select(e => e.Id).Should().Equal(Enumerable.Range(0, 200).Select(i => $"E-{i:D3}"));
        store[199].Date.Should().Be(May2.AddDays(199));
    }

    [Fact]
    public void AddRange_ChunkOfObjects_TurnsTheStoreIntoObjectsInOrder()
    {
        var objects = new EvidenceStore(Cadres);
        var built = new AttitudeEvidence { Id = "证据-长长的编号-0123456789", CadreId = "C-2", Date = May2, Channel = EvidenceChannel.Interview, Attitude = AttitudeRating.Positive };
        objects.Add(built);
        var parent = new EvidenceStore(Cadres);
        parent.AddRange(Chunk(("E-1", 0), ("E-2", 1)));

        parent.AddRange(objects);
        parent.AddRange(Chunk(("E-3", 0)));

        parent.IsCompact.Should().BeFalse();
        parent.AsReadOnlyList().Should().BeOfType<List<Evidence>>();
        parent.Select(e => e.Id).Should().Equal("E-1", "E-2", "证据-长长的编号-0123456789", "E-3");
        parent[2].Should().BeSameAs(built, "objects added as objects are kept as they are");
        parent[0].Should().BeSameAs(parent[0], "once objects, the store keeps them");
        parent.IdAt(1).Should().Be("E-2");
        parent.DateAt(3).Should().Be(May2.AddDays(3));
        parent.Slice(1, 2).Select(e => e.Id).Should().Equal("E-2", "证据-长长的编号-0123456789");
    }

    [Fact]
    public void AddRow_AfterAnObject_IsMadeIntoAnObjectAtOnce()
    {
        var store = new EvidenceStore(Cadres);
        AddRow(store, "E-1", 0, 0, EvidenceKind.Attitude);
        store.Add(new AttitudeEvidence { Id = "E-2", CadreId = "C-1", Date = May2, Channel = EvidenceChannel.Audit, Attitude = AttitudeRating.Positive });
        AddRow(store, "E-3", 1, 0, EvidenceKind.Attitude);

        store.IsCompact.Should().BeFalse();
        store.Select(e => (e.Id, e.CadreId)).Should().Equal(("E-1", "C-1"), ("E-2", "C-1"), ("E-3", "C-2"));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void Indexer_OutOfRange_Throws(int index)
    {
        var store = Chunk(("E-1", 0), ("E-2", 0), ("E-3", 0));
        store.Seal();

        Action read = () => _ = store[index];
        Action id = () => store.IdAt(index);

        read.Should().Throw<ArgumentOutOfRangeException>();
        id.Should().Throw<ArgumentOutOfRangeException>();
    }
}
