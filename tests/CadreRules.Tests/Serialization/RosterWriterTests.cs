using System.Text;
using System.Text.Json;
using CadreRules.Serialization;
using CadreRules.Testing;

namespace CadreRules.Tests.Serialization;

public sealed class RosterWriterTests
{
    [Fact]
    public void Write_SpecExample_WritesEveryFieldInRosterFormat()
    {
        var roster = new RosterBuilder("2024H2")
            .AsOf("2024-12-20")
            .Unit("U-XQ", UnitKind.District, u => u.Series("GDP", 2022, 812.5, 790.1).Project("P-7", 0.8m, 0.55m, "2025-06-30").UnderStationedInspection(), name: "兴庆区")
            .Cadre("C-001", "U-XQ", CadreRank.Division, leadership: true, name: "张三")
            .WorkStyle("C-001", "2024-09-10", WorkStyleProblem.Delaying, Severity.Serious, FindingStatus.Verified, id: "E-1")
            .NegativeList("C-001", "2024-05-02", NegativeListCategory.Cliques, FindingStatus.EarlySign, id: "E-2")
            .KeyTask("C-001", "2024-03-15", KeyTaskKind.WorkSafety, KeyTaskRating.Outstanding, id: "E-3")
            .Attitude("C-001", "2024-11-20", id: "E-4")
            .Grade("C-001", 2023, AnnualGradeLevel.Competent)
            .Measure("C-001", "2024-01-15", MeasureKind.ReminderTalk, id: "M-1")
            .Board("C-001", "2024H1", Board.Yellow)
            .Build();

        using var json = JsonDocument.Parse(Write(roster));

        var root = json.RootElement;
        root.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        root.GetProperty("period").GetString().Should().Be("2024H2");
        root.GetProperty("asOf").GetString().Should().Be("2024-12-20");
        var unit = root.GetProperty("units")[0];
        unit.GetProperty("name").GetString().Should().Be("兴庆区");
        unit.GetProperty("kind").GetString().Should().Be("District");
        unit.GetProperty("underStationedInspection").GetBoolean().Should().BeTrue();
        unit.GetProperty("indicators")[1].GetProperty("value").GetDouble().Should().Be(790.1);
        unit.GetProperty("projects")[0].GetProperty("plannedProgress").GetDecimal().Should().Be(0.8m);
        unit.GetProperty("projects")[0].GetProperty("due").GetString().Should().Be("2025-06-30");
        root.GetProperty("cadres")[0].GetProperty("rank").GetString().Should().Be("Division");
        root.GetProperty("cadres")[0].GetProperty("leadership").GetBoolean().Should().BeTrue();
        var evidence = root.GetProperty("evidence");
        evidence[0].GetProperty("workStyle").GetString().Should().Be("Delaying");
        evidence[0].GetProperty("severity").GetString().Should().Be("Serious");
        evidence[1].GetProperty("category").GetString().Should().Be("Cliques");
        evidence[2].GetProperty("rating").GetString().Should().Be("Outstanding");
        evidence[3].GetProperty("attitude").GetString().Should().Be("Positive");
        evidence[3].TryGetProperty("status", out _).Should().BeFalse("a field that does not belong to the evidence kind is invalid");
        root.GetProperty("annualGrades")[0].GetProperty("grade").GetString().Should().Be("Competent");
        root.GetProperty("measures")[0].GetProperty("date").GetString().Should().Be("2024-01-15");
        root.GetProperty("boardHistory")[0].GetProperty("period").GetString().Should().Be("2024H1");
    }

    [Fact]
    public void Write_NoAsOfOverride_OmitsAsOfAndDefaults()
    {
        var roster = new RosterBuilder("2024H1").Cadre("C-1").Build();

        var text = Write(roster);

        text.Should().NotContain("asOf").And.NotContain("leadership").And.NotContain("underStationedInspection");
    }

    [Fact]
    public void Write_LargeRoster_FlushesAsItGoes()
    {
        var roster = CadreRules.Generation.RosterGenerator.Generate(2_000, 4);
        using var stream = new CountingStream();

        RosterWriter.Write(roster, stream);

        stream.Writes.Should().BeGreaterThan(5, "the writer streams instead of buffering the whole document");
        stream.Length.Should().BeGreaterThan(1_000_000);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    public void Write_GeneratedRoster_RosterReaderReadsItBackUnchanged(int seed)
    {
        var roster = CadreRules.Generation.RosterGenerator.Generate(1_500, seed);
        using var stream = new MemoryStream();
        RosterWriter.Write(roster, stream);
        var bytes = stream.ToArray();

        var read = RosterReader.Read(bytes);

        using var again = new MemoryStream();
        RosterWriter.Write(read, again);
        again.ToArray().Should().Equal(bytes);
        read.Cadres.Should().HaveCount(roster.Cadres.Count);
        read.Evidence.Should().HaveCount(roster.Evidence.Count);
    }

    [Fact]
    public void Write_AsOfOverrideAndEveryOptionalField_RosterReaderReadsItBackUnchanged()
    {
        var roster = new RosterBuilder("2024H1")
            .AsOf("2024-05-31")
            .Unit("U-1", UnitKind.Park, u => u.Indicator("GDP", 2023, 1.25).Project("P-1", 1m, 0.5m).UnderStationedInspection())
            .Cadre("C-1", "U-1", CadreRank.Bureau, leadership: true)
            .Build();
        using var stream = new MemoryStream();
        RosterWriter.Write(roster, stream, indented: true);

        var read = RosterReader.Read(stream.ToArray());

        read.AsOfOverride.Should().Be(new DateOnly(2024, 5, 31));
        read.Units[0].UnderStationedInspection.Should().BeTrue();
        read.Units[0].Projects[0].Due.Should().BeNull();
        read.Units[0].Indicators[0].Value.Should().Be(1.25);
        read.Cadres[0].Rank.Should().Be(CadreRank.Bureau);
    }

    private static string Write(Roster roster)
    {
        using var stream = new MemoryStream();
        RosterWriter.Write(roster, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Writes++;
            base.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Writes++;
            base.Write(buffer, offset, count);
        }
    }
}
