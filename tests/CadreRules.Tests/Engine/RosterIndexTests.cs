using CadreRules.Generation;
using CadreRules.Serialization;
using CadreRules.Tests.Serialization;

namespace CadreRules.Tests.Engine;

/// <summary>
/// The engine groups records by cadre, skipping the lookup when a record names its cadre with the same
/// string instance as the record before it. Equal ids in other instances, and records in any order,
/// must group the same.
/// </summary>
public sealed class RosterIndexTests
{
    private static readonly CadreEvaluator Evaluator = new(CadreRuleSet.CreateDefault());

    [Fact]
    public void Evaluate_RecordsShuffledWithCopiedIdStrings_SameReportAsGroupedRecords()
    {
        var roster = RosterGenerator.Generate(800, seed: 21);
        var random = new Random(3);
        static string Copy(string id) => new(id.AsSpan());
        var shuffled = new Roster
        {
            Period = roster.Period,
            Units = roster.Units,
            Cadres = roster.Cadres,
            Evidence = [.. roster.Evidence.Select(e => random.Next(2) == 0 ? e : WithOwner(e, Copy(e.CadreId))).OrderBy(_ => random.Next())],
            AnnualGrades = [.. roster.AnnualGrades.Select(g => new AnnualGrade { CadreId = Copy(g.CadreId), Year = g.Year, Grade = g.Grade }).OrderBy(_ => random.Next())],
            Measures = [.. roster.Measures.OrderBy(_ => random.Next())],
            BoardHistory = [.. roster.BoardHistory.OrderBy(_ => random.Next())],
        };

        ReportWriter.ToJson(Evaluator.Evaluate(shuffled)).Should().Be(ReportWriter.ToJson(Evaluator.Evaluate(roster)));
    }

    [Fact]
    public void Evaluate_UnknownCadreBetweenRecordsOfOneCadre_ReportsExactlyThatRecord()
    {
        var roster = RosterGenerator.Generate(50, seed: 2);
        var first = roster.Evidence[0];
        var evidence = roster.Evidence.ToList();
        evidence.Insert(1, WithOwner(first, "C-NOBODY"));
        evidence.Insert(2, WithOwner(first, first.CadreId));
        var broken = new Roster { Period = roster.Period, Units = roster.Units, Cadres = roster.Cadres, Evidence = evidence };

        var error = FluentActions.Invoking(() => Evaluator.Evaluate(broken)).Should().Throw<ArgumentException>().Which;

        error.Message.Should().Contain("(1 problem(s))").And.Contain($"evidence '{first.Id}' names unknown cadre 'C-NOBODY'");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Evaluate_EvidenceReadAsRows_SameReportAsEvidenceReadAsObjects(bool interleaved)
    {
        // Interleaved: the evidence comes in no cadre order but with ascending ids, so the reader still
        // keeps it as rows, and the engine groups it through the general path instead of the layout.
        var roster = RosterGenerator.Generate(600, seed: 8);
        if (interleaved)
        {
            var random = new Random(4);
            var shuffled = roster.Evidence.OrderBy(_ => random.Next()).ToList();
            roster = new Roster
            {
                Period = roster.Period, Units = roster.Units, Cadres = roster.Cadres, AnnualGrades = roster.AnnualGrades,
                Measures = roster.Measures, BoardHistory = roster.BoardHistory,
                Evidence = [.. shuffled.Select((e, i) => WithOwner(e, e.CadreId, $"E-{i:D8}"))],
            };
        }

        byte[] json = RosterDocuments.Json(roster);
        var compact = RosterDocuments.ReadInParallel(json, chunkBytes: 1500, out bool sequential);
        var objects = RosterReader.Read(json);

        sequential.Should().BeFalse();
        compact.Evidence.Should().BeOfType<EvidenceStore>();
        (compact.Layout?.EvidenceStarts is null).Should().Be(interleaved);
        ReportWriter.ToJson(Evaluator.Evaluate(compact)).Should().Be(ReportWriter.ToJson(Evaluator.Evaluate(objects)));
    }

    private static Evidence WithOwner(Evidence e, string cadreId, string? id = null)
    {
        string newId = id ?? e.Id;
        return e switch
        {
        WorkStyleEvidence w => new WorkStyleEvidence { Id = newId, CadreId = cadreId, Date = w.Date, Channel = w.Channel, WorkStyle = w.WorkStyle, Severity = w.Severity, Status = w.Status },
        NegativeListEvidence n => new NegativeListEvidence { Id = newId, CadreId = cadreId, Date = n.Date, Channel = n.Channel, Category = n.Category, Status = n.Status },
        KeyTaskEvidence k => new KeyTaskEvidence { Id = newId, CadreId = cadreId, Date = k.Date, Channel = k.Channel, Task = k.Task, Rating = k.Rating },
        AttitudeEvidence a => new AttitudeEvidence { Id = newId, CadreId = cadreId, Date = a.Date, Channel = a.Channel, Attitude = a.Attitude },
        _ => throw new ArgumentOutOfRangeException(nameof(e)),
        };
    }
}
