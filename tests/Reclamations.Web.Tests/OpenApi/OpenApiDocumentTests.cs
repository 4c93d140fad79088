using System.Net;
using System.Text.Json.Nodes;
using Reclamations.Web.Tests.Support;

namespace Reclamations.Web.Tests.OpenApi;

/// <summary>The OpenAPI document knows every answer: each operation is named (operationId), each success answer with a
/// body has a real schema (never an empty one), and the bearer scheme that the API takes is documented.</summary>
public sealed class OpenApiDocumentTests : IDisposable
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];
    private readonly WebHost _host = new();

    public void Dispose() => _host.DisposeAndDelete();

    private async Task<JsonNode> DocumentAsync()
    {
        var response = await _host.ClientAs("ada", "Admin").GetAsync("/openapi/v1.json");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return await response.JsonAsync();
    }

    private static IEnumerable<(string Name, JsonObject Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
            .Where(op => Methods.Contains(op.Key))
            .Select(op => ($"{op.Key.ToUpperInvariant()} {path.Key}", op.Value!.AsObject())));

    [Fact]
    public async Task Every_operation_has_an_operation_id_and_a_typed_success_answer()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();
        operations.Should().HaveCountGreaterThan(40, "the engine, complaints, profiles and sign-in APIs are all documented");
        operations.Select(o => o.Name).Should().Contain(["GET /api/complaints/{id}", "GET /api/profiles/{code}", "POST /api/auth/login"]);

        var problems = new List<string>();
        foreach (var (name, operation) in operations)
        {
            if (operation["operationId"]?.GetValue<string>() is not { Length: > 0 }) problems.Add($"{name}: no operationId");
            var successes = operation["responses"]!.AsObject().Where(r => r.Key.StartsWith('2')).ToList();
            if (successes.Count == 0) problems.Add($"{name}: no 2xx answer");
            foreach (var (status, answer) in successes)
            {
                if (status == "204") continue; // no body by definition
                var content = answer!["content"]?.AsObject();
                if (content is null || content.Count == 0) problems.Add($"{name}: {status} has no content");
                else
                    problems.AddRange(content.Where(c => IsEmpty(document, c.Value!["schema"]))
                        .Select(c => $"{name}: {status} {c.Key} has an empty schema"));
            }
        }
        problems.Should().BeEmpty();
        operations.Select(o => o.Operation["operationId"]!.GetValue<string>()).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task The_case_file_answer_is_a_named_schema_with_its_parts()
    {
        var document = await DocumentAsync();
        var caseFile = document["paths"]!["/api/complaints/{id}"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!;
        var schema = Resolve(document, caseFile)!;
        schema["properties"]!.AsObject().Select(p => p.Key).Should()
            .BeEquivalentTo(["complaint", "letters", "documents", "correctiveActions", "openTasks", "timeline"]);
    }

    [Fact]
    public async Task The_bearer_scheme_is_documented_and_required_by_every_operation_but_signing_in()
    {
        var document = await DocumentAsync();
        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        var bearer = schemes.Single(s => s.Value!["type"]!.GetValue<string>() == "http" && s.Value["scheme"]!.GetValue<string>() == "bearer");

        foreach (var (name, operation) in Operations(document))
        {
            var required = operation["security"]?.AsArray().Any(r => r!.AsObject().ContainsKey(bearer.Key)) ?? false;
            var anonymous = name is "POST /api/auth/login" or "POST /api/auth/refresh";
            required.Should().Be(!anonymous, $"{name} {(anonymous ? "is open to anybody" : "needs a bearer token")}");
        }
    }

    /// <summary>A schema that says nothing (no type, no reference, no properties, no composition) even once resolved.</summary>
    private static bool IsEmpty(JsonNode document, JsonNode? schema)
    {
        var resolved = Resolve(document, schema);
        if (resolved is not JsonObject obj || obj.Count == 0) return true;
        string[] meaningful = ["type", "properties", "items", "oneOf", "anyOf", "allOf", "enum", "$ref"];
        return !obj.Any(p => meaningful.Contains(p.Key));
    }

    private static JsonNode? Resolve(JsonNode document, JsonNode? schema)
    {
        for (var i = 0; i < 10 && schema?["$ref"]?.GetValue<string>() is { } reference; i++)
            schema = reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Aggregate((JsonNode?)document, (node, part) => node?[part.Replace("~1", "/").Replace("~0", "~")]);
        return schema;
    }
}
