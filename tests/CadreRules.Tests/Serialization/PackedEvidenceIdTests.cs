using System.Text;
using CadreRules.Serialization;
using static CadreRules.Tests.Serialization.RosterDocuments;

namespace CadreRules.Tests.Serialization;

/// <summary>
/// The reader keeps short ASCII evidence ids packed into two integers (<see cref="PackedAscii"/>) and
/// unpacks them when asked. Ids must read back exactly, packed or not, and duplicates and order must be
/// found across packed ids, ids read as strings (long, non-ASCII, escaped) and measure ids alike.
/// </summary>
public sealed class PackedEvidenceIdTests
{
    private static string Document(IEnumerable<string> evidenceIds, IEnumerable<string>? measureIds = null)
    {
        string evidence = string.Join(",\n", evidenceIds.Select(id =>
            $$"""{ "id": "{{id}}", "cadreId": "C-001", "date": "2024-05-02", "channel": "Interview", "kind": "Attitude", "attitude": "Positive" }"""));
        string measures = string.Join(",\n", (measureIds ?? []).Select(id =>
            $$"""{ "id": "{{id}}", "cadreId": "C-001", "date": "2024-01-15", "kind": "ReminderTalk" }"""));
        return $$"""
            {
              "schemaVersion": 1, "period": "2024H2",
              "units": [ { "id": "U-XQ", "name": "兴庆区", "kind": "District" } ],
              "cadres": [ { "id": "C-001", "name": "张三", "unitId": "U-XQ", "rank": "Division" } ],
              "evidence": [ {{evidence}} ],
              "measures": [ {{measures}} ]
            }
            """;
    }

    [Theory]
    [InlineData("E-1")]
    [InlineData("x")]
    [InlineData("0123456789abcdef")]
    [InlineData("0123456789abcdefg")]
    [InlineData("E 1")]
    [InlineData(" E-1 ")]
    [InlineData("~!\\\"#")]
    [InlineData("证据-1")]
    [InlineData("E-\\u00e9")]
    [InlineData("E\\u002d1")]
    public void Read_EvidenceId_ReadsBackExactly(string jsonId)
    {
        string expected = System.Text.Json.JsonSerializer.Deserialize<string>($"\"{jsonId}\"")!;

        var roster = Read(Document([jsonId]));

        roster.Evidence.Single().Id.Should().Be(expected);
        roster.Evidence.Single().Id.Should().Be(expected, "unpacking twice gives the same id");
    }

    [Theory]
    [InlineData(" ")]
    [InlineData("\\t ")]
    public void Read_BlankEvidenceId_IsAnError(string jsonId)
    {
        var error = SingleError(Document([jsonId]));

        error.Path.Should().Be("$.evidence[0].id");
        error.Message.Should().StartWith("the value is empty or blank");
    }

    [Fact]
    public void Read_AscendingIdsPackedAndNot_AcceptedInOrder()
    {
        // Ordinal order across packed ids (E-1, E-2, Z), an id too long to pack and a non-ASCII one.
        string[] ids = ["E-1", "E-10000000000000000", "E-2", "E-é", "Z"];

        var roster = Read(Document(ids, ["ZZ-1"]));

        roster.Evidence.Select(e => e.Id).Should().Equal(ids);
        roster.Measures.Single().Id.Should().Be("ZZ-1");
    }

    [Theory]
    [InlineData("E\\u002d2", "E-2", false)]
    [InlineData("E-2", "E\\u002d2", false)]
    [InlineData("E-20000000000000000", "E-20000000000000000", false)]
    [InlineData("E-2", "E-2", true)]
    [InlineData("E\\u002d2", "E-2", true)]
    [InlineData("E-2", "E\\u002d2", true)]
    public void Read_DuplicateIdWrittenAnotherWay_IsFound(string first, string second, bool adjacent)
    {
        // Adjacent, the duplicate follows ids that ascend up to it (no dictionary yet); otherwise an id
        // out of order comes first and the dictionary decides.
        string[] ids = adjacent ? ["E-1", first, second] : ["E-1", first, "E-3", second];

        var errors = Errors(Document(ids));

        errors.Should().ContainSingle();
        errors[0].Path.Should().Be($"$.evidence[{ids.Length - 1}].id");
        errors[0].Message.Should().StartWith($"duplicate id '{System.Text.Json.JsonSerializer.Deserialize<string>($"\"{second}\"")}' (first used at $.evidence[1].id)");
    }

    [Fact]
    public void Read_MeasureReusingPackedEvidenceId_IsFound()
    {
        var errors = Errors(Document(["E-1", "E-5", "E-9"], ["E-5"]));

        errors.Should().ContainSingle().Which.Message.Should().StartWith("duplicate id 'E-5' (first used at $.evidence[1].id)");
    }

    [Fact]
    public void TryPackId_AgreesWithPackAndUnpacks()
    {
        var random = new Random(4);
        for (int i = 0; i < 2_000; i++)
        {
            var chars = new char[random.Next(0, 19)];
            for (int j = 0; j < chars.Length; j++)
            {
                chars[j] = (char)random.Next(0, 0x90);
            }

            string text = new(chars);
            // Not blank: some character above space (raw JSON strings hold no control characters).
            bool packable = text.Length is >= 1 and <= 16 && text.All(ch => ch is > '\0' and <= '\u007f') && text.Any(ch => ch > ' ');

            bool packed = PackedAscii.TryPackId(Encoding.UTF8.GetBytes(text), out ulong high, out ulong low);

            packed.Should().Be(packable, $"'{text}'");
            if (packed)
            {
                (high, low).Should().Be(PackedAscii.Pack(text));
                PackedAscii.Unpack(high, low).Should().Be(text);
            }
            else
            {
                (high, low).Should().Be((0UL, 0UL));
            }
        }
    }
}
