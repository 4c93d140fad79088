using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using MimeKit;

namespace Reclamations.Domain.Tests.Mail;

/// <summary>
/// A real SMTP server for the tests: Debian's python3-aiosmtpd on a free loopback port, with the
/// <c>smtp_sink.py</c> handler saving every received message in a temporary directory.
/// </summary>
public sealed class SmtpServerFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private readonly StringBuilder _errors = new();
    private Process? _process;

    public string Host => "127.0.0.1";

    public int Port { get; private set; }

    public string MessagesDirectory { get; } = Directory.CreateTempSubdirectory("smtp-sink-").FullName;

    public async Task InitializeAsync()
    {
        Port = FreePort();
        var start = new ProcessStartInfo(PythonExecutable())
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(AppContext.BaseDirectory, "Mail"),
        };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"{Host}:{Port}", "-c", "smtp_sink.FileSink", MessagesDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PYTHONPATH"] = start.WorkingDirectory;
        _process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        _process.ErrorDataReceived += (_, e) => { lock (_errors) { _errors.AppendLine(e.Data); } };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        await WaitUntilListeningAsync();
    }

    public Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        Directory.Delete(MessagesDirectory, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> AllMessagesAsync()
    {
        var received = new List<(DateTime At, ReceivedMail Mail)>();
        foreach (var eml in Directory.EnumerateFiles(MessagesDirectory, "*.eml"))
        {
            var json = Path.ChangeExtension(eml, ".json");
            if (!File.Exists(json)) continue;
            var message = await MimeMessage.LoadAsync(eml);
            var envelope = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var recipients = envelope.RootElement.GetProperty("rcpt_tos").EnumerateArray().Select(r => r.GetString()!).ToArray();
            received.Add((File.GetLastWriteTimeUtc(eml), new ReceivedMail(message, recipients)));
        }
        return received.OrderBy(r => r.At).Select(r => r.Mail).ToList();
    }

    /// <summary>Waits for the message with this Message-Id to arrive.</summary>
    public async Task<ReceivedMail> WaitForMessageAsync(string messageId, TimeSpan timeout)
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            foreach (var eml in Directory.EnumerateFiles(MessagesDirectory, "*.eml"))
            {
                var message = await MimeMessage.LoadAsync(eml);
                if (message.MessageId == messageId)
                {
                    var envelope = JsonDocument.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(eml, ".json")));
                    var recipients = envelope.RootElement.GetProperty("rcpt_tos").EnumerateArray().Select(r => r.GetString()!).ToArray();
                    return new ReceivedMail(message, recipients);
                }
            }

            if (elapsed.Elapsed > timeout)
            {
                throw new TimeoutException($"No message {messageId} reached the test SMTP server. Server errors: {Errors()}");
            }

            await Task.Delay(50);
        }
    }

    private async Task WaitUntilListeningAsync()
    {
        var elapsed = Stopwatch.StartNew();
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException(
                    $"aiosmtpd exited with code {_process.ExitCode} (is python3-aiosmtpd installed?): {Errors()}");
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (elapsed.Elapsed < StartTimeout)
            {
                await Task.Delay(100);
            }
        }
    }

    private string Errors()
    {
        lock (_errors)
        {
            return _errors.ToString();
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    // Debian's python3-aiosmtpd lives in the system interpreter, which may not be first on PATH.
    private static string PythonExecutable() => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
}
