using System.Security.Cryptography;
using CadreRules.Generation;
using CadreRules.Serialization;

namespace CadreRules.Tests.Generation;

public sealed class RosterGeneratorTests
{
    [Fact]
    public void Generate_SameCountAndSeed_IdenticalRoster()
    {
        var first = Hash(RosterGenerator.Generate(1_500, 11));
        var second = Hash(RosterGenerator.Generate(1_500, 11));

        second.Should().Be(first);
    }

    [Fact]
    public void Generate_DifferentSeed_DifferentRoster()
    {
        var first = Hash(RosterGenerator.Generate(500, 11));
        var second = Hash(RosterGenerator.Generate(500, 12));

        second.Should().NotBe(first);
    }

    [Fact]
    public void Generate_FixedSeed_SameRosterOnEveryMachine()
    {
        // Pins the generator's output: a change of PRNG, distribution or id format shows up here,
        // and so would a dependency on the runtime's Random or culture.
        var roster = RosterGenerator.Generate(200, 5);

        roster.Cadres[0].Id.Should().Be("C-0000001");
        (roster.Units.Count, roster.Evidence.Count, roster.Measures.Count, roster.AnnualGrades.Count, roster.BoardHistory.Count)
            .Should().Be((5, 1291, 37, 536, 75));
        Hash(roster).Should().Be("89A9FF39ABD7FE3C969E1B2E9A90DEB36B2A13BDE5731A0D0461CEA592C95083");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(19)]
    [InlineData(3_000)]
    public void Generate_AnyCount_ExactlyThatManyCadresInUnitsOfTwentyToAHundred(int cadres)
    {
        var roster = RosterGenerator.Generate(cadres, 3);

        roster.Cadres.Should().HaveCount(cadres);
        var sizes = roster.Cadres.GroupBy(c => c.UnitId).Select(g => g.Count()).ToList();
        sizes.Take(Math.Max(0, sizes.Count - 1)).All(n => n is >= 20 and <= 100).Should().BeTrue();
        sizes.All(n => n is >= 1 and <= 100).Should().BeTrue();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(99)]
    public void Generate_ThreeThousandCadres_ValidPerRosterFormat(int seed)
    {
        var roster = RosterGenerator.Generate(3_000, seed);

        RosterProblems(roster).Should().BeEmpty();
    }

    [Fact]
    public void Generate_ThreeThousandCadres_RealisticMix()
    {
        var roster = RosterGenerator.Generate(3_000, 8);

        (roster.Evidence.Count / 3_000.0).Should().BeInRange(5.5, 7.0);
        roster.Evidence.Select(e => e.Kind).Distinct().Should().HaveCount(4);
        roster.Evidence.OfType<WorkStyleEvidence>().Select(e => e.Status).Distinct().Should().HaveCount(3);
        roster.Evidence.OfType<NegativeListEvidence>().Select(e => e.Status).Distinct().Should().HaveCount(3);
        roster.Evidence.OfType<KeyTaskEvidence>().Select(e => e.Rating).Distinct().Should().HaveCount(4);
        roster.Units.Select(u => u.Kind).Distinct().Should().HaveCount(4);
        roster.Units.Should().Contain(u => u.UnderStationedInspection);
        roster.AnnualGrades.Select(g => g.Grade).Distinct().Should().HaveCount(4);
        roster.Measures.Select(m => m.Kind).Distinct().Count().Should().BeGreaterThan(15);
        roster.BoardHistory.Select(b => b.Board).Distinct().Should().HaveCount(2);
    }

    [Fact]
    public void Generate_InvalidOptions_ThrowsListingEveryProblem()
    {
        var options = new RosterGeneratorOptions { MinUnitSize = 0, ScenarioRate = 2 };

        var act = () => RosterGenerator.Generate(10, 1, options);

        act.Should().Throw<ArgumentException>().WithMessage("*MinUnitSize*ScenarioRate*");
    }

    [Fact]
    public void Generate_NegativeCount_Throws()
    {
        var act = () => RosterGenerator.Generate(-1, 1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    private static string Hash(Roster roster)
    {
        using var stream = new MemoryStream();
        RosterWriter.Write(roster, stream);
        return Convert.ToHexString(SHA256.HashData(stream.ToArray()));
    }

    /// <summary>The rules of ROSTER-FORMAT.md, "Invalid input", that a generated roster could break.</summary>
    private static List<string> RosterProblems(Roster roster)
    {
        var problems = new List<string>();
        var asOf = roster.AsOf;
        void Unique(IEnumerable<string> keys, string what)
        {
            foreach (var duplicate in keys.GroupBy(k => k, StringComparer.Ordinal).Where(g => g.Count() > 1).Take(3))
            {
                problems.Add($"duplicate {what} {duplicate.Key}");
            }
        }

        Unique(roster.Units.Select(u => u.Id), "unit");
        Unique(roster.Cadres.Select(c => c.Id), "cadre");
        Unique(roster.Units.SelectMany(u => u.Projects).Select(p => p.Id), "project");
        Unique(roster.Evidence.Select(e => e.Id).Concat(roster.Measures.Select(m => m.Id)), "evidence/measure id");
        Unique(roster.AnnualGrades.Select(g => $"{g.CadreId}/{g.Year}"), "grade");
        Unique(roster.BoardHistory.Select(b => $"{b.CadreId}/{b.Period}"), "placement");
        Unique(roster.Units.SelectMany(u => u.Indicators.Select(i => $"{u.Id}/{i.Name}/{i.Year}")), "indicator");

        var units = roster.Units.Select(u => u.Id).ToHashSet();
        var cadres = roster.Cadres.Select(c => c.Id).ToHashSet();
        problems.AddRange(roster.Cadres.Where(c => !units.Contains(c.UnitId)).Select(c => $"cadre {c.Id} in unknown unit"));
        problems.AddRange(roster.Evidence.Where(e => !cadres.Contains(e.CadreId)).Select(e => $"evidence {e.Id} of unknown cadre"));
        problems.AddRange(roster.Measures.Where(m => !cadres.Contains(m.CadreId)).Select(m => $"measure {m.Id} of unknown cadre"));
        problems.AddRange(roster.AnnualGrades.Where(g => !cadres.Contains(g.CadreId)).Select(g => $"grade of unknown cadre {g.CadreId}"));
        problems.AddRange(roster.BoardHistory.Where(b => !cadres.Contains(b.CadreId)).Select(b => $"placement of unknown cadre {b.CadreId}"));

        problems.AddRange(roster.Evidence.Where(e => e.Date > asOf).Select(e => $"evidence {e.Id} after as-of"));
        problems.AddRange(roster.Measures.Where(m => m.Date > asOf).Select(m => $"measure {m.Id} after as-of"));
        problems.AddRange(roster.AnnualGrades.Where(g => g.Year > asOf.Year).Select(g => $"grade {g.CadreId}/{g.Year} after as-of's year"));
        problems.AddRange(roster.Units.SelectMany(u => u.Indicators).Where(i => i.Year > asOf.Year || !double.IsFinite(i.Value)).Select(i => $"indicator {i.Name}/{i.Year}"));
        problems.AddRange(roster.BoardHistory.Where(b => b.Period >= roster.Period).Select(b => $"placement {b.CadreId}/{b.Period} not before the period"));
        problems.AddRange(roster.Units.SelectMany(u => u.Projects)
            .Where(p => p.PlannedProgress is < 0 or > 1 || p.ActualProgress is < 0 or > 1)
            .Select(p => $"project {p.Id} progress out of range"));
        return problems;
    }
}
