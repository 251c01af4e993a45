using System.Text;
using CadreRules.Serialization;
using static CadreRules.Tests.Serialization.RosterDocuments;

namespace CadreRules.Tests.Serialization;

public sealed class RosterReaderStreamingTests
{
    [Fact]
    public void Read_FiveMegabyteStream_ReadsSameAsBytes()
    {
        byte[] json = Encoding.UTF8.GetBytes(Generated(cadres: 22_000));
        json.Length.Should().BeGreaterThan(5_000_000).And.BeGreaterThan(16 * JsonCursor.DefaultBufferSize);

        var fromBytes = RosterReader.Read(json);
        var fromStream = RosterReader.Read(new MemoryStream(json));

        fromStream.Cadres.Should().HaveCount(22_000);
        fromStream.Evidence.Should().HaveCount(22_000);
        Dump(fromStream).Should().Be(Dump(fromBytes));
    }

    [Fact]
    public void Read_StreamGivingOneBytePerRead_ReadsSameAsBytes()
    {
        byte[] json = Encoding.UTF8.GetBytes(SpecExample);
        var stream = new TricklingStream(json, chunk: 1);

        var roster = RosterReader.Read(stream);

        Dump(roster).Should().Be(Dump(RosterReader.Read(json)));
        stream.Reads.Should().BeGreaterThan(json.Length, "every byte arrived in a read of its own");
    }

    [Fact]
    public void Read_TokenLargerThanBuffer_GrowsTheBuffer()
    {
        string longName = new('名', 100_000);
        byte[] json = Encoding.UTF8.GetBytes(Example("\"name\": \"张三\"", $"\"name\": \"{longName}\""));

        var roster = RosterReader.Read(new TricklingStream(json, chunk: 7), initialBufferSize: 16);

        roster.Cadres[0].Name.Should().Be(longName);
        Dump(roster).Should().Be(Dump(RosterReader.Read(json)));
    }

    [Fact]
    public void Read_InvalidDocumentFromTricklingStream_ReportsSameErrorsAsBytes()
    {
        string json = Example("\"channel\": \"Supervision\"", "\"channel\": \"Email\"");
        json = Mutate(json, "\"unitId\": \"U-XQ\"", "\"unitId\": \"U-NONE\"");
        byte[] bytes = Encoding.UTF8.GetBytes(json);

        Action fromStream = () => RosterReader.Read(new TricklingStream(bytes, chunk: 3), initialBufferSize: 16);

        fromStream.Should().ThrowExactly<RosterValidationException>().Which.Errors.Should().Equal(Errors(json)).And.HaveCount(2);
    }

    [Fact]
    public void Read_MalformedDocumentFromTricklingStream_ReportsSamePositionAsBytes()
    {
        string json = Example("\"date\": \"2024-03-15\",", "\"date\": \"2024-03-15\" ,,");
        byte[] bytes = Encoding.UTF8.GetBytes(json);

        Action fromStream = () => RosterReader.Read(new TricklingStream(bytes, chunk: 1), initialBufferSize: 16);

        var expected = SingleError(json);
        expected.Message.Should().StartWith("malformed JSON at line 26, byte ");
        fromStream.Should().ThrowExactly<RosterValidationException>().Which.Errors.Should().Equal(expected);
    }

    [Fact]
    public void Read_StreamEndingMidDocument_ReportsMalformedJson()
    {
        byte[] bytes = Encoding.UTF8.GetBytes(SpecExample[..^10]);

        Action read = () => RosterReader.Read(new TricklingStream(bytes, chunk: 5), initialBufferSize: 16);

        read.Should().ThrowExactly<RosterValidationException>().Which.Errors.Should().ContainSingle()
            .Which.Message.Should().StartWith("malformed JSON");
    }
}
