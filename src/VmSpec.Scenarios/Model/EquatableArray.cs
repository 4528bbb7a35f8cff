using System;
using System.Collections;
using System.Collections.Generic;

namespace VmSpec.Scenarios
{
    /// <summary>
    /// An immutable array with value equality. The source generator caches pipeline stages by
    /// comparing models, so every collection in the model must compare by content, not by reference.
    /// </summary>
    public readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
    {
        public static readonly EquatableArray<T> Empty = new EquatableArray<T>(Array.Empty<T>());

        private readonly T[]? items;

        public EquatableArray(T[] items)
        {
            this.items = items ?? throw new ArgumentNullException(nameof(items));
        }

        // A default(EquatableArray<T>) behaves as empty rather than throwing.
        private T[] Items => items ?? Array.Empty<T>();

        public int Length => Items.Length;

        public int Count => Items.Length;

        public T this[int index] => Items[index];

        public bool Equals(EquatableArray<T> other)
        {
            T[] a = Items, b = other.Items;
            if (ReferenceEquals(a, b)) return true;
            if (a.Length != b.Length) return false;
            var comparer = EqualityComparer<T>.Default;
            for (int i = 0; i < a.Length; i++)
            {
                if (!comparer.Equals(a[i], b[i])) return false;
            }
            return true;
        }

        public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

        public override int GetHashCode()
        {
            var comparer = EqualityComparer<T>.Default;
            int hash = 17;
            foreach (var item in Items)
            {
                hash = unchecked(hash * 31 + (item is null ? 0 : comparer.GetHashCode(item)));
            }
            return hash;
        }

        public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

        public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

        public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)Items).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public T[] ToArray() => (T[])Items.Clone();

        public override string ToString() => "[" + string.Join(", ", Items) + "]";
    }

    public static class EquatableArray
    {
        /// <summary>Copies the items, so later changes to the source do not leak into the model.</summary>
        public static EquatableArray<T> From<T>(IEnumerable<T> items) => new EquatableArray<T>(new List<T>(items).ToArray());

        public static EquatableArray<T> Create<T>(params T[] items) => new EquatableArray<T>((T[])items.Clone());
    }
}
