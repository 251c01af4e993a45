namespace CadreRules.Tests.Engine;

/// <summary>
/// <see cref="ListSlice{T}"/>: a cadre's records inside the roster's own list (the index hands these to
/// <see cref="CadreRecord"/> for rosters the reader found grouped). It must behave as the
/// <see cref="ArraySegment{T}"/> it stands in for.
/// </summary>
public sealed class ListSliceTests
{
    private static readonly List<string> Items = ["a", "b", "c", "d", "e", "b"];

    [Fact]
    public void Slice_ReadsItsRangeOnly()
    {
        var slice = new ListSlice<string>(Items, 1, 3);

        slice.Count.Should().Be(3);
        slice[0].Should().Be("b");
        slice[2].Should().Be("d");
        slice.Should().Equal("b", "c", "d");
        slice.ToArray().Should().Equal("b", "c", "d");
        slice.Where(s => s != "c").Should().Equal("b", "d");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(3)]
    public void Indexer_OutsideTheSlice_Throws(int index)
    {
        var slice = new ListSlice<string>(Items, 1, 3);

        FluentActions.Invoking(() => slice[index]).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void IndexOfAndContains_SeeOnlyTheSlice()
    {
        var slice = new ListSlice<string>(Items, 2, 4);

        slice.IndexOf("b").Should().Be(3, "the first 'b' is before the slice");
        slice.Contains("a").Should().BeFalse();
        slice.Contains("e").Should().BeTrue();
        slice.IndexOf("z").Should().Be(-1);
    }

    [Fact]
    public void CopyTo_CopiesTheSliceAtTheIndex()
    {
        var target = new string[5];

        new ListSlice<string>(Items, 3, 2).CopyTo(target, 1);

        target.Should().Equal(null, "d", "e", null, null);
    }

    [Fact]
    public void Mutators_Throw()
    {
        IList<string> slice = new ListSlice<string>(Items, 0, 2);

        slice.IsReadOnly.Should().BeTrue();
        FluentActions.Invoking(() => slice.Add("x")).Should().Throw<NotSupportedException>();
        FluentActions.Invoking(() => slice[0] = "x").Should().Throw<NotSupportedException>();
        FluentActions.Invoking(() => slice.RemoveAt(0)).Should().Throw<NotSupportedException>();
        Items[0].Should().Be("a");
    }

    [Theory]
    [InlineData(-1, 1)]
    [InlineData(0, -1)]
    [InlineData(4, 3)]
    [InlineData(7, 0)]
    public void Constructor_RangeOutsideTheList_Throws(int start, int count)
    {
        FluentActions.Invoking(() => new ListSlice<string>(Items, start, count)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void EmptySliceAtTheEnd_IsEmpty()
    {
        new ListSlice<string>(Items, 6, 0).Should().BeEmpty();
    }
}
