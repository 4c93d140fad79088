using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Reclamations.Domain.Notifications;

/// <summary>Settings of the digest of new group tasks (section <c>Notifications:TaskDigest</c>): <c>IntervalMinutes</c>
/// (0 = off), <c>BaseUrl</c> (the back office's address, for the links to <c>/taches/{id}</c>).</summary>
public sealed record TaskDigestOptions
{
    public const string Section = "Notifications:TaskDigest";

    /// <summary>How often a digest is sent; zero: never.</summary>
    public TimeSpan Interval { get; init; }

    public string BaseUrl { get; init; } = "http://localhost:5274";

    /// <summary>How far before the last run's watermark a run looks again, for a task whose command took its time before
    /// the run but committed after it (the tasks already listed are remembered, so none is listed twice).</summary>
    public TimeSpan Overlap { get; init; } = TimeSpan.FromMinutes(10);

    public bool Enabled => Interval > TimeSpan.Zero;

    /// <summary>Reads the section; a bad value is an error naming its key.</summary>
    public static TaskDigestOptions FromConfiguration(IConfiguration configuration, int defaultIntervalMinutes)
    {
        var section = configuration.GetSection(Section);
        var minutes = defaultIntervalMinutes;
        if (section["IntervalMinutes"] is { Length: > 0 } text
            && (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out minutes) || minutes < 0))
            throw new InvalidOperationException($"{Section}:IntervalMinutes must be a whole number of minutes, 0 or more (0 = no digest), not '{text}'.");
        var baseUrl = section["BaseUrl"] is { Length: > 0 } url ? url.TrimEnd('/') : "http://localhost:5274";
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"{Section}:BaseUrl must be an absolute http(s) address, not '{baseUrl}'.");
        return new TaskDigestOptions { Interval = TimeSpan.FromMinutes(minutes), BaseUrl = baseUrl };
    }
}
