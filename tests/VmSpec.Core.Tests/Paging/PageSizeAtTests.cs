using VmSpec.Core.Mmu;
using VmSpec.Core.Paging;
using static VmSpec.Core.Tests.Paging.PagingTestKit;

namespace VmSpec.Core.Tests.Paging;

/// <summary>
/// <see cref="IPagingMmu.PageSizeAt"/>: the page a leaf at each level maps, which tells a caller
/// which sizes a map makes one leaf of without knowing how many entries the format's tables hold.
/// </summary>
public sealed class PageSizeAtTests
{
    [Test]
    public void Sv39_levels_map_4_KiB_2_MiB_and_1_GiB()
    {
        IPagingMmu mmu = Sv39();

        Assert.That(Enumerable.Range(-1, 5).Select(mmu.PageSizeAt), Is.EqualTo(new ulong[] { 0, 4096, 2UL << 20, 1UL << 30, 0 }));
    }

    [Test]
    public void A_single_level_table_has_only_its_page_size()
    {
        IPagingMmu mmu = SingleLevel(pageSize: 64, vaBits: 16);

        Assert.That((mmu.PageSizeAt(0), mmu.PageSizeAt(1)), Is.EqualTo((64UL, 0UL)));
    }

    [Test]
    public void By_default_each_level_is_512_times_the_one_below_until_64_bits_run_out()
    {
        IPagingMmu mmu = new Geometry(pageSize: 4096, levels: 7);

        Assert.That(Enumerable.Range(0, 8).Select(mmu.PageSizeAt),
            Is.EqualTo(new ulong[] { 1UL << 12, 1UL << 21, 1UL << 30, 1UL << 39, 1UL << 48, 1UL << 57, 0, 0 }));
    }

    /// <summary>An MMU that states only its geometry, so the contract's default sizes its levels.</summary>
    private sealed class Geometry(ulong pageSize, int levels) : IPagingMmu
    {
        public ulong PageSize => pageSize;
        public int Levels => levels;
        public ushort CurrentAsid => 0;
        public string Kind => "geometry";
        public IReadOnlySet<string> Features => new HashSet<string>();
        public Machine Machine => throw new NotSupportedException();
        public MmuCounters Counters => throw new NotSupportedException();
        public Translation Translate(in Access access) => throw new NotSupportedException();
        public string Dump() => throw new NotSupportedException();
        public EditResult Map(ulong va, ulong pa, ulong size, PteFlags flags) => throw new NotSupportedException();
        public EditResult Unmap(ulong va, ulong size) => throw new NotSupportedException();
        public EditResult Protect(ulong va, ulong size, PteFlags permissions) => throw new NotSupportedException();
        public EditResult WritePte(ulong va, int level, ulong value) => throw new NotSupportedException();
        public LeafLookup FindLeaf(ulong va) => throw new NotSupportedException();
        public EditResult SwitchAddressSpace(ushort asid) => throw new NotSupportedException();
        public EditResult DestroyAddressSpace(ushort asid) => throw new NotSupportedException();
        public void Sfence(ulong? va, ushort? asid) => throw new NotSupportedException();
        public long TableFrames(ushort asid) => throw new NotSupportedException();
    }
}
