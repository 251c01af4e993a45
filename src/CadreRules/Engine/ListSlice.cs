using System.Collections;

namespace CadreRules;

/// <summary>
/// A read-only view of consecutive items of a <see cref="List{T}"/>, as <see cref="ArraySegment{T}"/> is
/// of an array: a cadre's records inside the roster's own list, without copying the list.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
/// <remarks>
/// The view reads the list when asked; the list must not change while the view is in use (a roster's
/// lists do not: they are read-only to their users). It implements <see cref="IList{T}"/> read-only, as
/// <see cref="ArraySegment{T}"/> does, so that LINQ takes its counted paths.
/// </remarks>
internal sealed class ListSlice<T> : IList<T>, IReadOnlyList<T>
{
    private readonly List<T> _list;
    private readonly int _start;

    /// <summary>Creates a view of <paramref name="count"/> items of <paramref name="list"/> from <paramref name="start"/>.</summary>
    /// <param name="list">The list.</param>
    /// <param name="start">The first item's index in the list.</param>
    /// <param name="count">The number of items.</param>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the list.</exception>
    public ListSlice(List<T> list, int start, int count)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, list.Count - start);
        _list = list;
        _start = start;
        Count = count;
    }

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public bool IsReadOnly => true;

    /// <inheritdoc />
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, "The index must be at least 0 and less than Count.");
            }

            return _list[_start + index];
        }
    }

    /// <inheritdoc />
    T IList<T>.this[int index]
    {
        get => this[index];
        set => throw ReadOnly();
    }

    /// <inheritdoc />
    public int IndexOf(T item)
    {
        int found = _list.IndexOf(item, _start, Count);
        return found < 0 ? -1 : found - _start;
    }

    /// <inheritdoc />
    public bool Contains(T item) => IndexOf(item) >= 0;

    /// <inheritdoc />
    public void CopyTo(T[] array, int arrayIndex) => _list.CopyTo(_start, array, arrayIndex, Count);

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator()
    {
        for (int i = 0; i < Count; i++)
        {
            yield return _list[_start + i];
        }
    }

    /// <inheritdoc />
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc />
    void ICollection<T>.Add(T item) => throw ReadOnly();

    /// <inheritdoc />
    void ICollection<T>.Clear() => throw ReadOnly();

    /// <inheritdoc />
    bool ICollection<T>.Remove(T item) => throw ReadOnly();

    /// <inheritdoc />
    void IList<T>.Insert(int index, T item) => throw ReadOnly();

    /// <inheritdoc />
    void IList<T>.RemoveAt(int index) => throw ReadOnly();

    private static NotSupportedException ReadOnly() => new("The view is read-only.");
}
