namespace CadreRules.Tests.Engine;

public sealed class ProposalMergerTests
{
    [Fact]
    public void Merge_SameKindSubjectAndCategory_OneDecisionWithEveryRuleEvidenceReasonAndDetail()
    {
        var a = new Proposal("R-2", DecisionKind.ReminderTalk, "C-1", "second", ["E-3", "E-1"], new Dictionary<string, object> { ["channels"] = new[] { "Audit" } });
        var b = new Proposal("R-1", DecisionKind.ReminderTalk, "C-1", "first", ["E-2", "E-1"], new Dictionary<string, object> { ["channels"] = new[] { "Inspection", "Audit" }, ["form"] = "x" });
        var c = new Proposal("R-1", DecisionKind.YellowBoard, "C-1", "other kind");

        var decisions = ProposalMerger.Merge([[a], [b, c]]);

        decisions.Select(d => d.Kind).Should().Equal(DecisionKind.ReminderTalk, DecisionKind.YellowBoard);
        var merged = decisions[0];
        merged.Rules.Should().Equal("R-1", "R-2");
        merged.Evidence.Should().Equal("E-1", "E-2", "E-3");
        merged.Reasons.Should().Equal("first", "second");
        merged.Details.Keys.Should().Equal("channels", "form");
        ((IEnumerable<string>)merged.Details["channels"]).Should().Equal("Audit", "Inspection");
    }

    [Fact]
    public void Merge_NegativeListEntries_OneDecisionPerCategory()
    {
        Proposal Entry(string category) => new("IDENT-01", DecisionKind.NegativeListEntry, "C-1", category,
            null, new Dictionary<string, object> { [DetailKeys.Category] = category });

        var decisions = ProposalMerger.Merge([[Entry("Cliques"), Entry("Arbitrary"), Entry("Cliques")]]);

        decisions.Select(d => d.Category).Should().Equal("Arbitrary", "Cliques");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    public void Merge_OnTwoThreads_SameDecisionsAsOnOne(int seed)
    {
        // Above the parallel threshold (16,384 proposals), with subjects spread over the lists as
        // sessions produce them and many multi-proposal decisions.
        var random = new Random(seed);
        var kinds = new[] { DecisionKind.ReminderTalk, DecisionKind.YellowBoard, DecisionKind.Adjustment, DecisionKind.NegativeListEntry };
        var lists = new List<IReadOnlyList<Proposal>>();
        for (int l = 0; l < 400; l++)
        {
            var list = new List<Proposal>();
            for (int i = 0; i < 60; i++)
            {
                var kind = kinds[random.Next(kinds.Length)];
                var details = new Dictionary<string, object> { ["n"] = new[] { $"v{random.Next(3)}" } };
                if (kind == DecisionKind.NegativeListEntry)
                {
                    details[DetailKeys.Category] = random.Next(2) == 0 ? "Cliques" : "Arbitrary";
                }

                list.Add(new Proposal($"R-{random.Next(3)}", kind, $"C-{random.Next(3000):D5}", $"reason {random.Next(2)}",
                    [$"E-{random.Next(50)}", $"E-{random.Next(50)}"], details));
            }

            lists.Add(list);
        }

        var one = ProposalMerger.Merge(lists, parallel: false);
        var two = ProposalMerger.Merge(lists, parallel: true);

        one.Count.Should().BeGreaterThan(5_000);
        one.Should().Contain(d => d.Rules.Count > 1);
        two.Select(Text).Should().Equal(one.Select(Text));
    }

    [Fact]
    public void Pack_OrdersAsOrdinalComparison_AndEqualKeysAreEqualSubjects()
    {
        // Prefixes, lengths 1 to 16, the ASCII extremes, and subjects that must fall back (too long,
        // non-ASCII, NUL, empty) mixed together.
        var subjects = new List<string> { "", "C", "C-", "C-1", "C-10", "C-0000001", "C-0000002", "C-00000010", "U-00001",
            "\u007f", "\u0001", "abcdefghijklmnop", "abcdefghijklmnoq", "abcdefghijklmnopq", "C-1\0", "C-é", "C-\uE000", "C-\U0001F600", "Z" };
        var random = new Random(3);
        for (int i = 0; i < 400; i++)
        {
            var chars = new char[random.Next(1, 19)];
            for (int j = 0; j < chars.Length; j++)
            {
                chars[j] = random.Next(10) == 0 ? (char)random.Next(1, 0x80) : "C-019"[random.Next(5)];
            }

            subjects.Add(new string(chars));
        }

        foreach (var a in subjects)
        {
            var ka = PackedAscii.Pack(a);
            bool packed = ka != (0UL, 0UL);
            packed.Should().Be(a.Length is >= 1 and <= 16 && a.All(ch => ch is > '\0' and <= '\u007f'), a);
            foreach (var b in subjects)
            {
                var kb = PackedAscii.Pack(b);
                if (packed && kb != (0UL, 0UL))
                {
                    int byKey = ka.High != kb.High ? ka.High.CompareTo(kb.High) : ka.Low.CompareTo(kb.Low);
                    Math.Sign(byKey).Should().Be(Math.Sign(string.CompareOrdinal(a, b)), $"'{a}' against '{b}'");
                }
            }
        }
    }

    [Fact]
    public void Merge_SubjectsPackedAndNot_InOrdinalOrder()
    {
        // Some subjects pack into integers, some do not (long, non-ASCII): the order must be the
        // strings' ordinal order throughout, on one thread and on two.
        var random = new Random(11);
        string[] pool = ["C-0000001", "C-0000002", "C-00000010", "C-é1", "C-é2", "C-000000000000000001", "C-000000000000000002", "U-1", "C-", "C-\uE000", "C-\U0001F600"];
        var lists = new List<IReadOnlyList<Proposal>>();
        for (int l = 0; l < 300; l++)
        {
            var list = new List<Proposal>();
            for (int i = 0; i < 60; i++)
            {
                list.Add(new Proposal("R-1", DecisionKind.YellowBoard, $"{pool[random.Next(pool.Length)]}-{random.Next(40)}", "r"));
            }

            lists.Add(list);
        }

        foreach (bool parallel in new[] { false, true })
        {
            var decisions = ProposalMerger.Merge(lists, parallel);
            var subjects = decisions.Select(d => d.Subject).ToList();
            subjects.Should().OnlyHaveUniqueItems();
            subjects.Should().Equal(subjects.Order(StringComparer.Ordinal), parallel ? "on two threads" : "on one thread");
            subjects.Should().HaveCount(lists.SelectMany(x => x).Select(p => p.Subject).Distinct().Count());
        }
    }

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 0.0)]
    [InlineData(3, 0.02)]
    [InlineData(4, 0.3)]
    public void MergeOwnThenCombine_SameDecisionsAsMergingAllProposals(int seed, double foreignShare)
    {
        // Batches own disjoint cadres; some proposals are about units or, with foreignShare, about
        // cadres of other batches (as a host rule may make them). Own decisions built per batch and
        // combined, or merged again from the proposals when a foreign one meets an own decision, must
        // equal merging every proposal at once.
        var random = new Random(seed);
        var kinds = new[] { DecisionKind.ReminderTalk, DecisionKind.YellowBoard, DecisionKind.Adjustment, DecisionKind.NegativeListEntry };
        const int Batches = 60, PerBatch = 20;
        var all = new List<IReadOnlyList<Proposal>>();
        var own = new List<List<Decision>>();
        var foreign = new List<IReadOnlyList<Proposal>>();
        var retained = new List<List<Proposal>>();
        for (int b = 0; b < Batches; b++)
        {
            var mine = Enumerable.Range(0, PerBatch).Select(i => $"C-{(b * PerBatch) + i:D5}").ToList();
            var proposals = new List<Proposal>();
            for (int i = 0; i < 50; i++)
            {
                string subject = random.NextDouble() < foreignShare ? $"C-{random.Next(Batches * PerBatch):D5}"
                    : random.Next(10) == 0 ? $"U-{random.Next(5)}" : mine[random.Next(PerBatch)];
                var kind = kinds[random.Next(kinds.Length)];
                var details = new Dictionary<string, object> { ["n"] = new[] { $"v{random.Next(3)}" }, ["form"] = $"f{random.Next(2)}" };
                if (kind == DecisionKind.NegativeListEntry)
                {
                    details[DetailKeys.Category] = random.Next(2) == 0 ? "Cliques" : "Arbitrary";
                }

                proposals.Add(new Proposal($"R-{random.Next(4)}", kind, subject, $"reason {random.Next(3)}",
                    [$"E-{random.Next(40)}", $"E-{random.Next(40)}"], details));
            }

            all.Add(proposals);
            var others = new List<Proposal>();
            var kept = new List<Proposal>();
            own.Add(ProposalMerger.MergeOwn(proposals, mine.ToDictionary(id => id, id => id, StringComparer.Ordinal), others, kept));
            foreign.Add(others);
            retained.Add(kept);
        }

        var expected = ProposalMerger.Merge(all).Select(Text).ToList();

        var combined = ProposalMerger.Combine(own, foreign, parallel: false);
        var onTwoThreads = ProposalMerger.Combine(own, foreign, parallel: true, parallelMinimum: 0);
        (onTwoThreads?.Select(Text)).Should().Equal(combined?.Select(Text), "keying the decisions in parallel changes nothing");

        // Sessions in another order than their subjects: the concatenation is not in report order,
        // which the check across the seams between sessions must notice.
        var reversed = Enumerable.Reverse(own).ToList();
        var reversedForeign = Enumerable.Reverse(foreign).ToList();
        foreach (bool parallel in new[] { false, true })
        {
            var fromReversed = ProposalMerger.Combine(reversed, reversedForeign, parallel, parallelMinimum: 0);
            (fromReversed?.Select(Text)).Should().Equal(combined?.Select(Text));
        }

        if (foreignShare == 0)
        {
            combined.Should().NotBeNull("no proposal is about another batch's cadre");
        }

        if (foreignShare >= 0.3)
        {
            combined.Should().BeNull("with this many proposals about other batches' cadres some meet an own decision");
        }

        if (combined is null)
        {
            var again = foreign.ToList();
            again.AddRange(own.Select((decisions, b) => (IReadOnlyList<Proposal>)ProposalMerger.Unmerge(decisions, retained[b]).ToList()));
            combined = [.. ProposalMerger.Merge(again)];
        }

        var actual = combined.Select(Text).ToList();
        int at = Enumerable.Range(0, Math.Min(actual.Count, expected.Count)).FirstOrDefault(i => actual[i] != expected[i], -1);
        at.Should().Be(-1, at < 0 ? "" : $"expected {expected[at]} but got {actual[at]} (counts {expected.Count}, {actual.Count})");
        actual.Should().Equal(expected);
        retained.Sum(r => r.Count).Should().BeGreaterThan(0, "some decisions merge several proposals");
    }

    [Fact]
    public void Merge_TiedProposalsWithDifferentSingleValues_SmallestWinsWhateverTheOrder()
    {
        // Same subject, kind, rule and reason: the sort leaves them in no particular order.
        Proposal With(string form) => new("R-1", DecisionKind.Adjustment, "C-1", "same", null, new Dictionary<string, object> { ["form"] = form });

        foreach (var order in new[] { new[] { "b", "a", "c" }, ["c", "b", "a"], ["a", "c", "b"] })
        {
            ProposalMerger.Merge([order.Select(With).ToList()]).Single().GetDetail("form").Should().Be("a");
        }

        var earlierRule = new Proposal("R-0", DecisionKind.Adjustment, "C-1", "other", null, new Dictionary<string, object> { ["form"] = "z" });
        ProposalMerger.Merge([[With("a"), earlierRule]]).Single().GetDetail("form").Should().Be("z", "the first rule's value wins");
    }

    [Fact]
    public void Combine_ForeignProposalMeetingAnOwnDecision_GivesNull()
    {
        var mine = new Proposal("R-1", DecisionKind.YellowBoard, "C-1", "own");
        var other = new Proposal("R-2", DecisionKind.YellowBoard, "C-1", "from another batch");
        var own = ProposalMerger.MergeOwn([mine], new Dictionary<string, string> { ["C-1"] = "C-1" }, [], []);

        ProposalMerger.Combine([own], [[other]], parallel: false).Should().BeNull();
        ProposalMerger.Combine([own], [[new Proposal("R-2", DecisionKind.ReminderTalk, "C-1", "another kind")]], parallel: false)!
            .Select(d => d.Kind).Should().Equal(DecisionKind.ReminderTalk, DecisionKind.YellowBoard);
    }

    private static string Text(Decision d) =>
        $"{d.Kind} {d.Subject} {d.Category} [{string.Join(",", d.Rules)}] [{string.Join(",", d.Evidence)}] [{string.Join("|", d.Reasons)}] " +
        string.Join(";", d.Details.Select(kv => $"{kv.Key}={(kv.Value is string[] l ? string.Join(",", l) : kv.Value)}"));
}
