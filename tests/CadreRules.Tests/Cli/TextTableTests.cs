using CadreRules.Cli.Output;

namespace CadreRules.Tests.Cli;

public sealed class TextTableTests
{
    [Theory]
    [InlineData("C-001", 5)]
    [InlineData("兴庆区", 6)]
    [InlineData("银川经济技术开发区 (U-JK)", 18 + 7)]
    [InlineData("", 0)]
    public void DisplayWidth_CountsWideCharactersAsTwoCells(string text, int expected)
    {
        TextTable.DisplayWidth(text).Should().Be(expected);
    }

    [Fact]
    public void WriteTo_ChineseCells_AlignsTheNextColumnByDisplayWidth()
    {
        var table = new TextTable("Name", "Rank");
        table.AddRow("贺伟", "Division");
        table.AddRow("Li", "Section");
        using var writer = new StringWriter();

        table.WriteTo(writer, string.Empty);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        lines.Should().Equal("Name  Rank", "----  --------", "贺伟  Division", "Li    Section");
    }

    [Fact]
    public void WriteTo_RightAlignedColumn_PadsOnTheLeft()
    {
        var table = new TextTable("Kind", "Count").AlignRight(1);
        table.AddRow("RedBoard", "11");
        using var writer = new StringWriter();

        table.WriteTo(writer, "  ");

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        lines.Should().Equal("  Kind      Count", "  --------  -----", "  RedBoard     11");
    }
}
