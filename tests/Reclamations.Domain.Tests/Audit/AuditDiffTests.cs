using System.Text.Json.Nodes;
using Reclamations.Domain.Audit;

namespace Reclamations.Domain.Tests.Audit;

public sealed class AuditDiffTests
{
    private sealed record Person(string Name, string? Email);

    private sealed record Sample(int Revision, string Status, Person? Person, List<string> Tags);

    [Fact]
    public void Lists_changed_leaves_by_camelCase_path_with_old_and_new_values()
    {
        var before = AuditDiff.Snapshot(new Sample(1, "Open", new Person("Claire", null), ["a"]));
        var after = AuditDiff.Snapshot(new Sample(2, "Closed", new Person("Claire", "c@example.fr"), ["a", "b"]));

        var changes = AuditDiff.Changes(before, after, "revision");

        changes.Select(p => p.Key).Should().Equal("status", "person.email", "tags");
        ((string?)changes["status"]!["old"]).Should().Be("Open");
        ((string?)changes["person.email"]!["new"]).Should().Be("c@example.fr");
        changes["tags"]!["new"]!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public void A_nested_object_appearing_is_listed_field_by_field()
    {
        var changes = AuditDiff.Changes([], AuditDiff.Snapshot(new Sample(1, "Open", new Person("Claire", null), [])));

        changes.Select(p => p.Key).Should().Equal("revision", "status", "person.name", "tags");
        changes["person.name"]!["old"].Should().BeNull();
    }

    [Fact]
    public void Identical_snapshots_have_no_changes()
    {
        var sample = new Sample(1, "Open", null, ["x"]);

        AuditDiff.Changes(AuditDiff.Snapshot(sample), AuditDiff.Snapshot(sample)).Should().BeEmpty();
        JsonNode.Parse(AuditDiff.Of("status", "Open", "Done"))!["status"]!["new"]!.GetValue<string>().Should().Be("Done");
    }
}
