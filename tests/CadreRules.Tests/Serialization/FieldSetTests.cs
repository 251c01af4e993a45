using System.Text;
using CadreRules.Serialization;

namespace CadreRules.Tests.Serialization;

public sealed class FieldSetTests
{
    private static readonly FieldSet Fields = new(("id", "x"), ("cadreId", "x"), ("date", "x"), ("kind", "x"));

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(64)]
    public void Find_FromAnyStart_FindsEveryNameAtItsIndex(int start)
    {
        var found = Fields.Names.Select(name => Fields.Find(Encoding.UTF8.GetBytes(name), start));

        found.Should().Equal(0, 1, 2, 3);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Find_UnknownOrDifferentCase_ReturnsMinusOne(int start)
    {
        Fields.Find("cadreID"u8, start).Should().Be(-1);
        Fields.Find("ids"u8, start).Should().Be(-1);
    }
}
