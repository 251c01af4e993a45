namespace CadreRules;

/// <summary>
/// The evidence of a roster read by <see cref="Serialization.RosterReader"/>: either the objects a
/// sequential read built, or, when the parallel reader read every record plainly, compact rows of
/// 32 bytes from which an <see cref="Evidence"/> object is made each time an element is read.
/// </summary>
/// <remarks>
/// <para>
/// A million-cadre roster has six million evidence records. As objects that stay alive from the read
/// to the end of the evaluation they were 400 MB of the heap, and the largest part of the reader's
/// cost: every one of them was allocated into fresh memory (a page fault per 4 KB on the VM we
/// measure on), promoted through the generations and marked by every full collection during the
/// read. Rows hold no references, so the collector never looks into them; the evaluator makes the
/// objects of one cadre when it builds that cadre's record, and they die young with the session
/// (benchmarks/README.md, step 37).
/// </para>
/// <para>
/// Rows come in segments, one per chunk the parallel reader parsed, and are never copied. A row keeps
/// the owning cadre as an index into the roster's cadre list, the id packed (<see cref="PackedAscii"/>),
/// the date as a day number and the kind, channel and kind-specific values as bytes.
/// </para>
/// </remarks>
internal sealed class EvidenceStore : RowStore<Evidence, EvidenceStore.Row>
{
    /// <summary>Creates an empty store.</summary>
    /// <param name="cadres">The roster's cadres, which rows name by index; filled as the roster is read.</param>
    /// <param name="arena">Where the rows go (the reader shares one among its chunks); a new arena when <see langword="null"/>.</param>
    public EvidenceStore(IReadOnlyList<Cadre> cadres, RowArena? arena = null)
        : base(cadres, arena)
    {
    }

    /// <summary>Adds a record as a row; in object mode it is made into an object at once.</summary>
    public void AddRow(int owner, ulong high, ulong low, DateOnly date, EvidenceKind kind, EvidenceChannel channel, int first, int second, int third) =>
        AddRow(new Row(high, low, owner, date.DayNumber, (byte)kind, (byte)channel, (byte)first, (byte)second, (byte)third));

    /// <summary>Gets a record's id without making the object.</summary>
    public string IdAt(int index)
    {
        if (ObjectAt(index) is { } evidence)
        {
            return evidence.Id;
        }

        Row row = RowAt(index);
        return PackedAscii.Unpack(row.High, row.Low);
    }

    /// <summary>Gets a record's date without making the object.</summary>
    public DateOnly DateAt(int index) => ObjectAt(index) is { } evidence ? evidence.Date : DateOnly.FromDayNumber(RowAt(index).Day);

    /// <inheritdoc />
    protected override Evidence Create(in Row row)
    {
        string cadreId = Cadres[row.Owner].Id;
        var date = DateOnly.FromDayNumber(row.Day);
        var channel = (EvidenceChannel)row.Channel;
        Evidence evidence = (EvidenceKind)row.Kind switch
        {
            EvidenceKind.WorkStyle => new WorkStyleEvidence
            {
                Id = null!, CadreId = cadreId, Date = date, Channel = channel,
                WorkStyle = (WorkStyleProblem)row.First, Severity = (Severity)row.Second, Status = (FindingStatus)row.Third,
            },
            EvidenceKind.NegativeList => new NegativeListEvidence
            {
                Id = null!, CadreId = cadreId, Date = date, Channel = channel,
                Category = (NegativeListCategory)row.First, Status = (FindingStatus)row.Second,
            },
            EvidenceKind.KeyTask => new KeyTaskEvidence
            {
                Id = null!, CadreId = cadreId, Date = date, Channel = channel,
                Task = (KeyTaskKind)row.First, Rating = (KeyTaskRating)row.Second,
            },
            _ => new AttitudeEvidence
            {
                Id = null!, CadreId = cadreId, Date = date, Channel = channel,
                Attitude = (AttitudeRating)row.First,
            },
        };
        evidence.SetPackedId(row.High, row.Low);
        return evidence;
    }

    /// <summary>One evidence record: 32 bytes.</summary>
    internal readonly struct Row(ulong high, ulong low, int owner, int day, byte kind, byte channel, byte first, byte second, byte third)
    {
        public readonly ulong High = high;
        public readonly ulong Low = low;
        public readonly int Owner = owner;
        public readonly int Day = day;
        public readonly byte Kind = kind;
        public readonly byte Channel = channel;
        public readonly byte First = first;
        public readonly byte Second = second;
        public readonly byte Third = third;
    }
}
