using System.Text.Json;
using Reclamations.Engine.Variables;

namespace Reclamations.Engine.Tests.Variables;

public sealed class VariableSerializerTests
{
    public static TheoryData<object?, string, string?> Scalars => new()
    {
        { null, "null", null },
        { "Zoé \"quoted\"", "string", "\"Zoé \\\"quoted\\\"\"" },
        { true, "boolean", "true" },
        { false, "boolean", "false" },
        { 42L, "long", "42" },
        { long.MinValue, "long", "-9223372036854775808" },
        { 1.5, "double", "1.5" },
        { new DateTimeOffset(2026, 5, 14, 9, 30, 0, TimeSpan.FromHours(2)), "date", "\"2026-05-14T09:30:00.0000000+02:00\"" },
    };

    [Theory]
    [MemberData(nameof(Scalars))]
    public void Scalars_round_trip(object? value, string type, string? json)
    {
        var serialized = VariableSerializer.Serialize(value);

        serialized.Should().Be((type, json));
        VariableSerializer.Deserialize(serialized.Type, serialized.Json).Should().Be(value);
    }

    [Fact]
    public void Date_round_trip_keeps_the_offset()
    {
        var date = new DateTimeOffset(2026, 5, 14, 9, 30, 0, 123, TimeSpan.FromHours(-5));

        var (type, json) = VariableSerializer.Serialize(date);
        var restored = (DateTimeOffset)VariableSerializer.Deserialize(type, json)!;

        restored.EqualsExact(date).Should().BeTrue();
    }

    [Fact]
    public void Smaller_integers_and_decimals_are_normalised()
    {
        VariableSerializer.Serialize(7).Should().Be(("long", "7"));
        VariableSerializer.Deserialize("long", "7").Should().Be(7L);
        VariableSerializer.Serialize(19.99m).Should().Be(("double", "19.99"));
        VariableSerializer.Deserialize("double", "19.99").Should().Be(19.99);
    }

    [Fact]
    public void Objects_and_lists_round_trip_as_json()
    {
        var value = new Dictionary<string, object?>
        {
            ["name"] = "Zoé",
            ["amount"] = 1500L,
            ["ratio"] = 0.25,
            ["urgent"] = true,
            ["note"] = null,
            ["tags"] = new List<object?> { "a", 2L, new Dictionary<string, object?> { ["deep"] = new List<object?>() } },
            ["receivedAt"] = new DateTimeOffset(2026, 5, 14, 9, 30, 0, TimeSpan.FromHours(2)),
        };

        var (type, json) = VariableSerializer.Serialize(value);
        var restored = VariableSerializer.Deserialize(type, json);

        type.Should().Be("json");
        json.Should().Contain("\"name\":\"Zoé\"");
        restored.Should().BeOfType<Dictionary<string, object?>>().Which.Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["name"] = "Zoé",
            ["amount"] = 1500L,
            ["ratio"] = 0.25,
            ["urgent"] = true,
            ["note"] = null,
            ["tags"] = new List<object?> { "a", 2L, new Dictionary<string, object?> { ["deep"] = new List<object?>() } },
            ["receivedAt"] = "2026-05-14T09:30:00.0000000+02:00",
        });
    }

    [Fact]
    public void Top_level_list_round_trips()
    {
        var value = new List<object?> { 1L, "two", null, 3.5 };

        var (type, json) = VariableSerializer.Serialize(value);

        (type, json).Should().Be(("json", "[1,\"two\",null,3.5]"));
        VariableSerializer.Deserialize(type, json).Should().BeEquivalentTo(value, o => o.WithStrictOrdering());
    }

    [Theory]
    [InlineData(typeof(Uri))]
    [InlineData(typeof(TimeSpan))]
    [InlineData(typeof(Guid))]
    public void Non_serialisable_values_are_rejected_naming_the_type(Type type)
    {
        object value = type == typeof(Uri) ? new Uri("http://example.org") : Activator.CreateInstance(type)!;

        FluentActions.Invoking(() => VariableSerializer.Serialize(value))
            .Should().Throw<ArgumentException>().WithMessage($"*{type.FullName}*");
    }

    [Fact]
    public void Nested_non_serialisable_value_is_rejected_naming_the_type() =>
        FluentActions.Invoking(() => VariableSerializer.Serialize(new Dictionary<string, object?> { ["when"] = TimeSpan.FromHours(1) }))
            .Should().Throw<ArgumentException>().WithMessage("*System.TimeSpan*");

    [Fact]
    public void Not_a_number_is_rejected() =>
        FluentActions.Invoking(() => VariableSerializer.Serialize(double.NaN))
            .Should().Throw<ArgumentException>().WithMessage("*System.Double*finite*");

    [Fact]
    public void Unknown_type_or_bad_json_is_rejected()
    {
        FluentActions.Invoking(() => VariableSerializer.Deserialize("blob", "1")).Should().Throw<ArgumentException>().WithMessage("*'blob'*");
        FluentActions.Invoking(() => VariableSerializer.Deserialize("long", null)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => VariableSerializer.Deserialize("long", "\"x\"")).Should().Throw<FormatException>().WithMessage("*'long'*");
        FluentActions.Invoking(() => VariableSerializer.Deserialize("json", "{oops")).Should().Throw<FormatException>();
    }

    [Fact]
    public void FromJsonElement_maps_numbers_to_long_or_double_and_keeps_strings()
    {
        using var document = JsonDocument.Parse("""{"count": 3, "ratio": 0.5, "big": 1e3, "when": "2026-05-14", "list": [1, "a", null, false], "nested": {"x": -7}}""");

        var value = VariableSerializer.FromJsonElement(document.RootElement);

        value.Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["count"] = 3L,
            ["ratio"] = 0.5,
            ["big"] = 1000.0,
            ["when"] = "2026-05-14",
            ["list"] = new List<object?> { 1L, "a", null, false },
            ["nested"] = new Dictionary<string, object?> { ["x"] = -7L },
        });
        ((Dictionary<string, object?>)value!)["count"].Should().BeOfType<long>();
    }

    [Fact]
    public void ToJsonNode_writes_dates_as_iso_strings()
    {
        var node = VariableSerializer.ToJsonNode(new Dictionary<string, object?>
        {
            ["at"] = new DateTimeOffset(2026, 5, 14, 9, 30, 0, TimeSpan.FromHours(2)),
            ["items"] = new List<object?> { 1L, null, 2.5m },
        });

        node!["at"]!.GetValue<string>().Should().Be("2026-05-14T09:30:00.0000000+02:00");
        node["items"]!.ToJsonString().Should().Be("[1,null,2.5]");
        VariableSerializer.ToJsonNode(null).Should().BeNull();
    }

    [Fact]
    public void ToJsonNode_and_FromJsonElement_round_trip()
    {
        var value = new List<object?> { "a", 1L, 2.5, true, null, new Dictionary<string, object?> { ["k"] = "v" } };

        using var document = JsonDocument.Parse(VariableSerializer.ToJsonNode(value)!.ToJsonString());

        VariableSerializer.FromJsonElement(document.RootElement).Should().BeEquivalentTo(value, o => o.WithStrictOrdering());
    }
}
