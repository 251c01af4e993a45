using System.Runtime.InteropServices;

namespace CadreRules;

/// <summary>
/// Native memory for the row segments of <see cref="RowStore{T, TRow}"/>: blocks of 4 MiB, aligned
/// to 2 MiB and, on Linux, advised for transparent huge pages, handed out by a bump pointer and freed
/// together when the arena is finalized.
/// </summary>
/// <remarks>
/// <para>
/// Why not arrays: a million-cadre roster's rows are about 230 MB in segments of some 100 KB each. As
/// arrays they went to the large object heap, whose budget then started every one of the ten full
/// (background) collections during the read, each marking the whole roster read so far while the
/// reader's threads wanted both cores; and each 4 KB page of them cost a page fault on first touch
/// (benchmarks/README.md, step 39). The collector never looks into this memory.
/// </para>
/// <para>
/// Lifetime: every store that holds a segment of an arena references the arena, so the memory lives
/// as long as any such store (and the roster holding it); then the finalizer frees it. The reader
/// reports the memory to the collector once the roster is read (<see cref="ReportToCollector"/>), not
/// while it reads.
/// </para>
/// </remarks>
internal sealed unsafe partial class RowArena
{
    private const nuint BlockBytes = 4 << 20;
    private const nuint HugePageBytes = 2 << 20;
    private const int MadviseHugePage = 14;

    private static bool s_adviseHugePages = OperatingSystem.IsLinux();

    private readonly Lock _gate = new();
    private readonly List<nint> _blocks = [];
    private byte* _block;
    private nuint _used;
    private nuint _size;
    private long _reported;

    /// <summary>Gets the bytes of native memory the arena holds.</summary>
    public long ReservedBytes { get; private set; }

    /// <summary>Allocates <paramref name="bytes"/> bytes, 16-byte aligned, uninitialized.</summary>
    /// <param name="bytes">The size.</param>
    /// <returns>The address; valid as long as the arena is reachable.</returns>
    public nint Allocate(nuint bytes)
    {
        bytes = (bytes + 15) & ~(nuint)15;
        lock (_gate)
        {
            if (_block is null || _size - _used < bytes)
            {
                NewBlock(Math.Max(BlockBytes, (bytes + HugePageBytes - 1) & ~(HugePageBytes - 1)));
            }

            byte* address = _block + _used;
            _used += bytes;
            return (nint)address;
        }
    }

    /// <summary>
    /// Gives back the tail of the latest allocation when nothing was allocated after it (a segment
    /// that was reserved larger than it was filled); otherwise the tail stays unused until the arena goes.
    /// </summary>
    /// <param name="address">The allocation's address.</param>
    /// <param name="bytes">Its size as allocated.</param>
    /// <param name="keep">The bytes to keep.</param>
    public void Shrink(nint address, nuint bytes, nuint keep)
    {
        bytes = (bytes + 15) & ~(nuint)15;
        keep = (keep + 15) & ~(nuint)15;
        lock (_gate)
        {
            if (_block is not null && (byte*)address + bytes == _block + _used)
            {
                _used -= bytes - keep;
            }
        }
    }

    /// <summary>
    /// Tells the collector how much native memory the arena holds (<see cref="GC.AddMemoryPressure(long)"/>),
    /// once the rows are read: a host that reads one large roster after another then has the dead
    /// rosters' arenas finalized as their size calls for. Not while reading, where the pressure
    /// would start the very collections the arena avoids.
    /// </summary>
    public void ReportToCollector()
    {
        lock (_gate)
        {
            long unreported = ReservedBytes - _reported;
            if (unreported > 0)
            {
                GC.AddMemoryPressure(unreported);
                _reported += unreported;
            }
        }
    }

    /// <summary>Frees the blocks.</summary>
    ~RowArena()
    {
        foreach (nint block in _blocks)
        {
            NativeMemory.AlignedFree((void*)block);
        }

        if (_reported > 0)
        {
            GC.RemoveMemoryPressure(_reported);
        }
    }

    private void NewBlock(nuint size)
    {
        void* block = NativeMemory.AlignedAlloc(size, HugePageBytes);
        _blocks.Add((nint)block);
        ReservedBytes += (long)size;
        if (s_adviseHugePages)
        {
            AdviseHugePages(block, size);
        }

        _block = (byte*)block;
        _used = 0;
        _size = size;
    }

    private static void AdviseHugePages(void* block, nuint size)
    {
        // A hint: where transparent huge pages are off, or madvise is missing, nothing changes.
        try
        {
            _ = Madvise(block, size, MadviseHugePage);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            s_adviseHugePages = false;
        }
    }

    [LibraryImport("libc", EntryPoint = "madvise")]
    private static partial int Madvise(void* address, nuint length, int advice);
}
