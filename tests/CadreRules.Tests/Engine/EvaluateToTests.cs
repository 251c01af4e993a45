using System.Text;
using CadreRules.Generation;
using CadreRules.Rules;
using CadreRules.Serialization;
using CadreRules.Testing;
using NRules.Fluent.Dsl;

namespace CadreRules.Tests.Engine;

/// <summary>
/// <see cref="ICadreEvaluator.EvaluateTo"/> writes the report while it evaluates when it can
/// (<see cref="CadreEvaluator.StreamedReports"/>), and otherwise the ordinary way; either way the bytes
/// are those of <see cref="ReportWriter"/> writing <see cref="ICadreEvaluator.Evaluate"/>'s report.
/// </summary>
public sealed class EvaluateToTests
{
    private static readonly CadreRuleSet Rules = CadreRuleSet.CreateDefault();

    [Theory]
    [InlineData(2_000, 1, 128, -1, true)]
    [InlineData(2_000, 7, 5, 2, true)]
    [InlineData(1_500, 2024, 1, 1, false)]
    [InlineData(3_000, 3, 37, 4, true)]
    public void GeneratedRoster_StreamsTheSameBytesAsEvaluateThenWrite(int cadres, int seed, int perSession, int degree, bool indented)
    {
        var roster = RosterGenerator.Generate(cadres, seed);
        var evaluator = new CadreEvaluator(Rules, engine: new CadreEngineOptions { CadresPerSession = perSession, MaxDegreeOfParallelism = degree });
        var report = evaluator.Evaluate(roster);

        var (bytes, summary) = Streamed(evaluator, roster, indented);

        Encoding.UTF8.GetString(bytes).Should().Be(Written(report, indented));
        evaluator.StreamedReports.Should().Be(1);
        evaluator.StreamingFallbacks.Should().Be(0);
        summary.DecisionCount.Should().Be(report.Decisions.Count);
        summary.Counts.Should().Equal(report.Counts);
        summary.Statistics.Should().Be(report.Statistics);
        (summary.Policy, summary.PolicyVersion, summary.Period, summary.AsOf).Should().Be((report.Policy, report.PolicyVersion, report.Period, report.AsOf));
    }

    [Fact]
    public void UnitIdsBetweenCadreIds_UnitDecisionsWrittenInReportOrder()
    {
        // Unit "C-05" sorts between the cadres of the first unit and those of the second; "A-1" before
        // every cadre, "Z-9" after. With two cadres a session, its decision falls between batches.
        var builder = new RosterBuilder("2024H2").Unit("A-1").Unit("C-05").Unit("Z-9");
        foreach (var (unit, ids) in new[] { ("A-1", new[] { "C-01", "C-02", "C-03", "C-04" }), ("C-05", ["C-06", "C-07", "C-08"]), ("Z-9", ["C-10", "C-11"]) })
        {
            builder.Cadre(ids[0], unit, CadreRank.Division, leadership: true).WorkStyle(ids[0], "2024-09-10", severity: Severity.Minor, id: $"E-{ids[0]}");
            foreach (var id in ids.Skip(1))
            {
                builder.Cadre(id, unit).KeyTask(id, "2024-10-01", rating: KeyTaskRating.Outstanding, id: $"E-{id}");
            }
        }

        var roster = builder.Build();
        var evaluator = new CadreEvaluator(Rules, engine: new CadreEngineOptions { CadresPerSession = 2, MaxDegreeOfParallelism = 2 });
        var report = evaluator.Evaluate(roster);

        var (bytes, _) = Streamed(evaluator, roster);

        Encoding.UTF8.GetString(bytes).Should().Be(Written(report));
        evaluator.StreamedReports.Should().Be(1);
        var subjects = report.Decisions.Select(d => d.Subject).Distinct().ToList();
        subjects.Should().ContainInOrder("A-1", "C-01", "C-04", "C-05", "C-06", "C-11", "Z-9");
        report.For("C-05").Select(d => d.Kind.Name).Should().Contain("ScheduledAssessment");
    }

    [Fact]
    public void CadreIdsNotAscending_EvaluatedTheOrdinaryWay()
    {
        var generated = RosterGenerator.Generate(1_000, 5);
        var roster = new Roster
        {
            Period = generated.Period,
            Units = generated.Units,
            Cadres = generated.Cadres.Reverse().ToList(),
            Evidence = generated.Evidence,
            AnnualGrades = generated.AnnualGrades,
            Measures = generated.Measures,
            BoardHistory = generated.BoardHistory,
        };
        var evaluator = new CadreEvaluator(Rules);

        var (bytes, summary) = Streamed(evaluator, roster);

        Encoding.UTF8.GetString(bytes).Should().Be(Written(evaluator.Evaluate(roster)));
        summary.DecisionCount.Should().BeGreaterThan(0);
        evaluator.StreamedReports.Should().Be(0);
        evaluator.StreamingFallbacks.Should().Be(0, "nothing was streamed to undo");
    }

    [Fact]
    public void HostRuleProposingAboutAnotherBatchsCadre_StartsOverOnceThenNoLongerStreams()
    {
        var roster = RosterGenerator.Generate(400, 11);
        var evaluator = new CadreEvaluator(new CadreRuleSet([typeof(PeerRule)], []), engine: new CadreEngineOptions { CadresPerSession = 3 });
        var expected = Written(evaluator.Evaluate(roster));
        var prefix = "kept:"u8.ToArray();

        for (int call = 1; call <= 2; call++)
        {
            using var stream = new MemoryStream();
            stream.Write(prefix);
            evaluator.EvaluateTo(roster, stream);

            stream.ToArray().Should().Equal([.. prefix, .. Encoding.UTF8.GetBytes(expected)], "the stream is cut back to where the report started");
            evaluator.StreamingFallbacks.Should().Be(1, "the policy is not streamed again after call {0}", call);
            evaluator.StreamedReports.Should().Be(0);
        }

        expected.Should().Contain(PeerRule.Id);
    }

    [Fact]
    public void UnitDecisionThatIsAlsoACadreDecision_StartsOverAndMergesBoth()
    {
        // Unit X-1 and cadre X-1 share an id; both phases propose a red board about "X-1", which is
        // one decision with both rules.
        var roster = new RosterBuilder("2024H2")
            .Unit("X-1")
            .Cadre("C-0", "X-1")
            .Cadre("X-1", "X-1", CadreRank.Division, leadership: true)
            .Cadre("Y-2", "X-1")
            .Build();
        var evaluator = new CadreEvaluator(
            new CadreRuleSet([typeof(RecordResolutionTests.UnitRedBoardRule), typeof(CadreRedBoardRule)], []),
            engine: new CadreEngineOptions { CadresPerSession = 1 });
        var report = evaluator.Evaluate(roster);

        var (bytes, _) = Streamed(evaluator, roster);

        Encoding.UTF8.GetString(bytes).Should().Be(Written(report));
        evaluator.StreamingFallbacks.Should().Be(1);
        report.For("X-1").Should().ContainSingle(d => d.Kind.Name == "RedBoard").Which.Rules.Should().Equal(RecordResolutionTests.UnitRedBoardRule.Id, CadreRedBoardRule.Id);
    }

    [Fact]
    public void RosterWithoutCadres_WritesTheUnitDecisions()
    {
        var roster = new RosterBuilder("2024H2").Unit("U-1", UnitKind.County, u => u.UnderStationedInspection()).Unit("U-2").Build();
        var evaluator = new CadreEvaluator(Rules);

        var (bytes, summary) = Streamed(evaluator, roster);

        Encoding.UTF8.GetString(bytes).Should().Be(Written(evaluator.Evaluate(roster)));
        summary.DecisionCount.Should().Be(1, "U-1's special inspection");
        evaluator.StreamedReports.Should().Be(0, "there is no batch to stream");
    }

    [Fact]
    public void StreamThatCannotSeek_WritesTheSameBytes()
    {
        var roster = RosterGenerator.Generate(800, 2);
        var evaluator = new CadreEvaluator(Rules);
        using var inner = new MemoryStream();

        evaluator.EvaluateTo(roster, new ForwardOnlyStream(inner));

        Encoding.UTF8.GetString(inner.ToArray()).Should().Be(Written(evaluator.Evaluate(roster)));
        evaluator.StreamedReports.Should().Be(0);
    }

    [Fact]
    public void CancelledWhileStreaming_ThrowsOperationCanceled()
    {
        var roster = RosterGenerator.Generate(600, 4);
        using var cancellation = new CancellationTokenSource();
        CancellingRule.Source = cancellation;
        var evaluator = new CadreEvaluator(new CadreRuleSet([typeof(CancellingRule)], []), engine: new CadreEngineOptions { CadresPerSession = 2, MaxDegreeOfParallelism = 2 });
        using var stream = new MemoryStream();

        var act = () => evaluator.EvaluateTo(roster, stream, cancellationToken: cancellation.Token);

        act.Should().Throw<OperationCanceledException>();
        evaluator.StreamedReports.Should().Be(0);
        evaluator.StreamingFallbacks.Should().Be(0);
    }

    [Fact]
    public void RuleActionThrows_ThrowsWhatEvaluateThrows()
    {
        var roster = RosterGenerator.Generate(600, 4);
        var evaluator = new CadreEvaluator(new CadreRuleSet([typeof(ThrowingRule)], []), engine: new CadreEngineOptions { CadresPerSession = 2, MaxDegreeOfParallelism = 2 });

        var evaluate = () => evaluator.Evaluate(roster);
        var streamed = () => evaluator.EvaluateTo(roster, new MemoryStream());

        var expected = evaluate.Should().Throw<Exception>().Which;
        streamed.Should().Throw<Exception>().Which.Should().BeOfType(expected.GetType())
            .And.Subject.As<Exception>().InnerException.Should().BeOfType<InvalidOperationException>().Which.Message.Should().Be(ThrowingRule.Message);
    }

    [Fact]
    public void OutputFailsWhileStreaming_ThrowsTheWriteErrorWithoutHanging()
    {
        // The worker that completes the next batch writes it; a write that fails must stop the other
        // workers, also those waiting for room in the window, and surface as it was thrown.
        var roster = RosterGenerator.Generate(3_000, 5);
        var evaluator = new CadreEvaluator(Rules, engine: new CadreEngineOptions { CadresPerSession = 3, MaxDegreeOfParallelism = 2 });
        var stream = new FailingStream(failingWrite: 3);

        // The failing write waits first, so that the other worker has time to fill the window and wait
        // for room; a run that does not end within a minute has hung.
        var run = Task.Run(() => evaluator.EvaluateTo(roster, stream));
        bool ended = ((IAsyncResult)run).AsyncWaitHandle.WaitOne(TimeSpan.FromMinutes(1));

        ended.Should().BeTrue("a failed write stops every worker");
        run.Exception!.InnerException.Should().BeOfType<IOException>().Which.Message.Should().Be(FailingStream.Message);
        stream.Length.Should().BeGreaterThan(0, "the failure came in the middle of the stream");
        evaluator.StreamedReports.Should().Be(0);
    }

    [Fact]
    public void DefaultInterfaceMethod_WritesTheEvaluatedReport()
    {
        var roster = RosterGenerator.Generate(500, 9);
        ICadreEvaluator evaluator = new EvaluateOnly(new CadreEvaluator(Rules));
        using var stream = new MemoryStream();

        var summary = evaluator.EvaluateTo(roster, stream, indented: false);

        var report = evaluator.Evaluate(roster);
        Encoding.UTF8.GetString(stream.ToArray()).Should().Be(Written(report, indented: false));
        summary.DecisionCount.Should().Be(report.Decisions.Count);
        summary.Counts.Should().Equal(report.Counts);
    }

    [Fact]
    public void NullArguments_Throw()
    {
        var evaluator = new CadreEvaluator(Rules);
        var roster = new RosterBuilder("2024H2").Cadre("C-1").Build();

        evaluator.Invoking(e => e.EvaluateTo(null!, new MemoryStream())).Should().Throw<ArgumentNullException>().WithParameterName("roster");
        evaluator.Invoking(e => e.EvaluateTo(roster, null!)).Should().Throw<ArgumentNullException>().WithParameterName("utf8Output");
    }

    private static (byte[] Bytes, ReportSummary Summary) Streamed(CadreEvaluator evaluator, Roster roster, bool indented = true)
    {
        using var stream = new MemoryStream();
        var summary = evaluator.EvaluateTo(roster, stream, indented);
        return (stream.ToArray(), summary);
    }

    private static string Written(AssessmentReport report, bool indented = true)
    {
        using var stream = new MemoryStream();
        ReportWriter.Write(report, stream, indented);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>HOST-40: every cadre's session proposes about C-0000001, mostly another batch's cadre.</summary>
    [Name(Id)]
    public sealed class PeerRule : Rule
    {
        public const string Id = "HOST-40";

        public static readonly DecisionKind PeerReview = new("PeerReview");

        public override void Define()
        {
            CadreRecord record = null!;

            When()
                .Match(() => record, r => r.Evidence.Count > 0 && r.Cadre.Rank == CadreRank.Division);

            Then()
                .Do(ctx => ctx.Propose(PeerReview, "C-0000001", $"Reviewed by {record.Id}."));
        }
    }

    /// <summary>HOST-41: a red board for the cadre X-1.</summary>
    [Name(Id)]
    public sealed class CadreRedBoardRule : Rule
    {
        public const string Id = "HOST-41";

        public override void Define()
        {
            CadreRecord record = null!;

            When()
                .Match(() => record, r => r.Id == "X-1");

            Then()
                .Do(ctx => ctx.Propose(DecisionKind.RedBoard, record.Id, "Red board for the cadre X-1."));
        }
    }

    /// <summary>HOST-42: cancels <see cref="Source"/> when it meets the cadre C-0000400.</summary>
    [Name(Id)]
    public sealed class CancellingRule : Rule
    {
        public const string Id = "HOST-42";

        public static CancellationTokenSource? Source { get; set; }

        public override void Define()
        {
            CadreRecord record = null!;

            When()
                .Match(() => record, r => r.Id == "C-0000400");

            Then()
                .Do(ctx => Source!.Cancel());
        }
    }

    /// <summary>HOST-43: throws for the cadre C-0000300.</summary>
    [Name(Id)]
    public sealed class ThrowingRule : Rule
    {
        public const string Id = "HOST-43";

        public const string Message = "HOST-43 fails on C-0000300.";

        public override void Define()
        {
            CadreRecord record = null!;

            When()
                .Match(() => record, r => r.Id == "C-0000300");

            Then()
                .Do(ctx => Fail());
        }

        private static void Fail() => throw new InvalidOperationException(Message);
    }

    /// <summary>An evaluator that implements only what the interface requires.</summary>
    private sealed class EvaluateOnly(ICadreEvaluator inner) : ICadreEvaluator
    {
        public AssessmentReport Evaluate(Roster roster, CancellationToken cancellationToken = default) => inner.Evaluate(roster, cancellationToken);

        public CadreExplanation Explain(Roster roster, string cadreId, CancellationToken cancellationToken = default) => inner.Explain(roster, cadreId, cancellationToken);
    }

    /// <summary>A seekable stream whose <c>failingWrite</c>-th write, and every one after it, fails.</summary>
    private sealed class FailingStream(int failingWrite) : Stream
    {
        public const string Message = "The disk is full.";

        private readonly MemoryStream _inner = new();
        private int _writes;

        public override bool CanRead => false;

        public override bool CanSeek => true;

        public override bool CanWrite => true;

        public override long Length => _inner.Length;

        public override long Position { get => _inner.Position; set => _inner.Position = value; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

        public override void SetLength(long value) => _inner.SetLength(value);

        public override void Write(byte[] buffer, int offset, int count)
        {
            if (++_writes >= failingWrite)
            {
                Thread.Sleep(300);
                throw new IOException(Message);
            }

            _inner.Write(buffer, offset, count);
        }
    }

    /// <summary>A stream that writes forward only.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
