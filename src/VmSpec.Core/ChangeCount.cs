namespace VmSpec.Core;

/// <summary>
/// A count that parts of a machine bump whenever something a translation cache may have derived
/// from them changes: the array backing a frame, the entries of a TLB, the current address space.
/// A cache stamps what it derives with the count and trusts it only while the count stands, so one
/// comparison stands for every part it depends on.
/// </summary>
internal sealed class ChangeCount
{
    public long Value { get; private set; }

    public void Bump() => Value++;
}
