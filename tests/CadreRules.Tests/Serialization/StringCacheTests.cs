using CadreRules.Serialization;
using static CadreRules.Tests.Serialization.RosterDocuments;

namespace CadreRules.Tests.Serialization;

public sealed class StringCacheTests
{
    [Fact]
    public void Get_SameTextTwice_ReturnsOneInstance()
    {
        var cache = new StringCache();

        string first = cache.Get("张三".AsSpan());
        string second = cache.Get("张三".ToCharArray());

        second.Should().BeSameAs(first).And.Be("张三");
    }

    [Fact]
    public void Get_PastTheBound_StillReturnsTheText()
    {
        var cache = new StringCache();
        for (int i = 0; i < StringCache.MaxEntries; i++)
        {
            cache.Get(i.ToString(System.Globalization.CultureInfo.InvariantCulture).AsSpan());
        }

        string first = cache.Get("late".AsSpan());
        string second = cache.Get("late".AsSpan());

        second.Should().Be("late").And.NotBeSameAs(first);
        cache.Get("0".AsSpan()).Should().Be("0");
    }

    [Fact]
    public void Read_TwoCadresWithOneName_ShareTheNameString()
    {
        string cadre2 = """, { "id": "C-002", "name": "\u5F20三", "unitId": "U-XQ", "rank": "Section" }""";
        var roster = Read(Example("\"cityManaged\": true }", "\"cityManaged\": true }" + cadre2));

        roster.Cadres[1].Name.Should().Be("张三").And.BeSameAs(roster.Cadres[0].Name);
    }

    [Fact]
    public void Read_BlankIndicatorName_ReportsBlank()
    {
        var error = SingleError(Example("{ \"name\": \"GDP\", \"year\": 2023", "{ \"name\": \" \", \"year\": 2023"));

        error.Path.Should().Be("$.units[0].indicators[1].name");
        error.Message.Should().Be("the value is empty or blank; expected a non-empty string");
    }

    [Fact]
    public void Read_NameWithUnpairedSurrogate_ReportsInvalidString()
    {
        var error = SingleError(Example("\"name\": \"张三\"", "\"name\": \"\\uD800\""));

        error.Path.Should().Be("$.cadres[0].name");
        error.Message.Should().Be("the string is not valid UTF-8 or contains an unpaired surrogate; expected a string");
    }
}
