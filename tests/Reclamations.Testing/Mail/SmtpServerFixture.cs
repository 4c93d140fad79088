using System.Net;
using System.Text;
using SmtpServer;
using SmtpServer.Net;
using Xunit;
using SmtpServerHost = SmtpServer.SmtpServer;
using SmtpServiceProvider = SmtpServer.ComponentModel.ServiceProvider;

namespace Reclamations.Testing.Mail;

/// <summary>
/// A real SMTP server for the tests, in process: the SmtpServer library listening on a free loopback port (plain
/// SMTP, no TLS, no authentication), keeping every message received in memory. Clients talk to it over TCP.
/// </summary>
public sealed class SmtpServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);
    private readonly ReceivedMailbox _mailbox = new();
    private readonly StringBuilder _errors = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    public async Task InitializeAsync()
    {
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, e) => listening.TrySetResult(((IPEndPoint)e.LocalEndPoint).Port);

        var services = new SmtpServiceProvider();
        services.Add(listeners);
        services.Add(new InMemoryMessageStore(_mailbox));

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Parse(Host), 0)))
            .Build();
        var server = new SmtpServerHost(options, services);
        server.SessionFaulted += (_, e) => { lock (_errors) { _errors.AppendLine(e.Exception.ToString()); } };

        _running = server.StartAsync(_stop.Token);
        var started = await Task.WhenAny(listening.Task, _running).WaitAsync(StartTimeout);
        if (started != listening.Task)
        {
            await _running; // rethrows why the server stopped (port refused, …)
            throw new InvalidOperationException("The test SMTP server stopped before listening.");
        }

        Port = await listening.Task;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            if (_running is not null) await _running.WaitAsync(StopTimeout);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public Task<IReadOnlyList<ReceivedMail>> AllMessagesAsync() => Task.FromResult(_mailbox.Snapshot());

    /// <summary>Waits for the message with this Message-Id to arrive.</summary>
    public async Task<ReceivedMail> WaitForMessageAsync(string messageId, TimeSpan timeout) =>
        await _mailbox.WaitForAsync(m => m.Message.MessageId == messageId, timeout)
        ?? throw new TimeoutException($"No message {messageId} reached the test SMTP server. Server errors: {Errors()}");

    /// <summary>Waits for the first message delivered to <paramref name="recipient"/> (envelope recipient).</summary>
    public async Task<ReceivedMail> WaitForMailToAsync(string recipient, TimeSpan timeout) =>
        await _mailbox.WaitForAsync(m => m.EnvelopeRecipients.Contains(recipient, StringComparer.OrdinalIgnoreCase), timeout)
        ?? throw new TimeoutException($"No message to {recipient} reached the test SMTP server. Server errors: {Errors()}");

    private string Errors()
    {
        lock (_errors)
        {
            return _errors.ToString();
        }
    }
}
