using Reclamations.Engine.Variables;

namespace Reclamations.Engine.Tests.Variables;

public sealed class ValueEqualsTests
{
    private static readonly DateTimeOffset Noon = new(2026, 5, 14, 12, 0, 0, TimeSpan.FromHours(2));

    public static TheoryData<object?, object?, bool> Cases => new()
    {
        { null, null, true },
        { null, "", false },
        { "a", "a", true },
        { "a", "A", false },
        { true, true, true },
        { true, "true", false },
        { 1L, 1, true },
        { 1L, 1.0, true },
        { 1L, 1.5, false },
        { 19.99m, 19.99m, true },
        { 2.5m, 2.5, true },
        { 1L, "1", false },
        { Noon, Noon, true },
        { Noon, Noon.ToOffset(TimeSpan.Zero), false },
        { Noon, "2026-05-14T12:00:00.0000000+02:00", false },
        { new List<object?> { 1L, "a" }, new List<object?> { 1L, "a" }, true },
        { new List<object?> { 1L, "a" }, new List<object?> { "a", 1L }, false },
        { new List<object?> { 1L }, new List<object?> { 1L, 2L }, false },
        { new Dictionary<string, object?> { ["a"] = 1L, ["b"] = null }, new Dictionary<string, object?> { ["b"] = null, ["a"] = 1L }, true },
        { new Dictionary<string, object?> { ["a"] = 1L }, new Dictionary<string, object?> { ["a"] = 1L, ["b"] = null }, false },
        { new Dictionary<string, object?> { ["a"] = 1L }, new List<object?> { 1L }, false },
        {
            new Dictionary<string, object?> { ["x"] = new List<object?> { new Dictionary<string, object?> { ["y"] = 2L } } },
            new Dictionary<string, object?> { ["x"] = new List<object?> { new Dictionary<string, object?> { ["y"] = 2L } } },
            true
        },
        {
            new Dictionary<string, object?> { ["x"] = new List<object?> { new Dictionary<string, object?> { ["y"] = 2L } } },
            new Dictionary<string, object?> { ["x"] = new List<object?> { new Dictionary<string, object?> { ["y"] = 3L } } },
            false
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compares_deeply(object? a, object? b, bool expected)
    {
        VariableSerializer.ValueEquals(a, b).Should().Be(expected);
        VariableSerializer.ValueEquals(b, a).Should().Be(expected);
    }

    [Fact]
    public void Value_equals_its_round_tripped_copy()
    {
        var value = new Dictionary<string, object?> { ["amount"] = 1500L, ["tags"] = new List<object?> { "a", 0.5 } };

        var (type, json) = VariableSerializer.Serialize(value);

        VariableSerializer.ValueEquals(value, VariableSerializer.Deserialize(type, json)).Should().BeTrue();
    }
}
