using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Reclamations.Engine.Api;
using Reclamations.Engine.Tests.Support;
using static Reclamations.Engine.Tests.Support.Bpmn;

namespace Reclamations.Engine.Tests.Limits;

public sealed class StartupDeploymentTests
{
    private static string Version(string task) => Process("p", $"""
        <startEvent id="s" />
        <userTask id="{task}" />
        """ + Chain("s", task));

    /// <summary>Warnings the engine logs (other categories, e.g. EF's migration notes, are left out).</summary>
    private sealed class Warnings : ILoggerProvider
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public ILogger CreateLogger(string categoryName) =>
            categoryName == typeof(Reclamations.Engine.Runtime.ProcessEngine).FullName ? new Collector(Messages) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose() { }

        private sealed class Collector(ConcurrentQueue<string> messages) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
                Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) messages.Enqueue(formatter(state, exception));
            }
        }
    }

    private static async Task<(EngineHarness Harness, Warnings Warnings)> StartAsync()
    {
        var warnings = new Warnings();
        var h = await EngineHarness.StartAsync(b => b.Services.AddSingleton<ILoggerProvider>(warnings));
        return (h, warnings);
    }

    private static async Task<DeployedDefinition> FromFileAsync(EngineHarness h, string xml) =>
        (await h.Engine.DeployAsync([new BpmnResource("p.bpmn", xml)], DeploymentSource.Files)).Single();

    private static async Task<DeployedDefinition> FromApiAsync(EngineHarness h, string xml) =>
        (await h.Engine.DeployAsync([new BpmnResource("p.bpmn", xml)])).Single();

    [Fact]
    public async Task A_changed_file_is_not_deployed_over_a_later_API_version_and_a_warning_names_both_versions()
    {
        var (h, warnings) = await StartAsync();
        await using var _ = h;
        (await FromFileAsync(h, Version("v1"))).Version.Should().Be(1);
        (await FromApiAsync(h, Version("api2"))).Version.Should().Be(2);

        var result = await FromFileAsync(h, Version("file_changed"));

        result.IsNew.Should().BeFalse();
        result.Version.Should().Be(2);
        result.NotDeployed.Should().Contain("'p.bpmn'").And.Contain("version 2 deployed through the API").And.Contain("version 1 was its last");
        warnings.Messages.Should().ContainSingle().Which.Should().Be(result.NotDeployed);
        var definitions = await h.Engine.GetProcessDefinitionsAsync(latestOnly: false);
        definitions.Select(d => (d.Version, d.Source)).Should().Equal((1, "file:p.bpmn"), (2, "api"));
        (await h.StartAsync("p")).ActiveActivityIds.Should().Equal("api2");
    }

    [Fact]
    public async Task An_unchanged_file_deploys_nothing_even_after_an_API_version()
    {
        var (h, warnings) = await StartAsync();
        await using var _ = h;
        await FromFileAsync(h, Version("v1"));
        await FromApiAsync(h, Version("api2"));

        var result = await FromFileAsync(h, Version("v1"));

        result.Should().Be(new DeployedDefinition("p:1", "p", 1, null, false));
        warnings.Messages.Should().BeEmpty();
        (await h.Engine.GetProcessDefinitionsAsync(latestOnly: false)).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_changed_file_with_no_API_version_after_its_last_one_becomes_the_next_version()
    {
        var (h, warnings) = await StartAsync();
        await using var _ = h;
        await FromApiAsync(h, Version("api1"));
        (await FromFileAsync(h, Version("api1"))).Should().Be(new DeployedDefinition("p:1", "p", 1, null, false));
        await FromFileAsync(h, Version("v1"));
        (await h.Engine.GetProcessDefinitionsAsync(latestOnly: false)).Should().HaveCount(1, "the API version is later than any file version");
        warnings.Messages.Should().ContainSingle().Which.Should().Contain("no version deployed from this file yet");

        await using var fresh = await EngineHarness.StartAsync();
        await FromFileAsync(fresh, Version("v1"));
        var changed = await FromFileAsync(fresh, Version("v2"));

        changed.Should().Be(new DeployedDefinition("p:2", "p", 2, null, true));
        (await fresh.StartAsync("p")).ActiveActivityIds.Should().Equal("v2");
        (await FromFileAsync(fresh, Version("v2"))).IsNew.Should().BeFalse();
    }
}
