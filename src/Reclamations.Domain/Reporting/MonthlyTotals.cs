using System.Data.Common;

namespace Reclamations.Domain.Reporting;

/// <summary>Sums the rows of <see cref="DashboardSql.Monthly"/> (month, category, channel, then the counted columns in order).</summary>
internal sealed class MonthlyTotals(int months)
{
    private const int Counted = 4; // first counted column after month, category, channel, received
    private readonly int[][] _byMonth = Enumerable.Range(0, 17).Select(_ => new int[months]).ToArray();

    public Dictionary<string, int[]> ByCategory { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, int[]> ByChannel { get; } = new(StringComparer.Ordinal);
    public int Received { get; private set; }
    public int Reopened => _byMonth[0].Sum();

    public void Add(DbDataReader row)
    {
        var month = row.GetInt32(0);
        var received = row.GetInt32(3);
        Received += received;
        Series(ByCategory, row.GetString(1))[month] += received;
        Series(ByChannel, row.GetString(2))[month] += received;
        for (var i = 0; i < _byMonth.Length; i++) _byMonth[i][month] += row.IsDBNull(Counted + i) ? 0 : row.GetInt32(Counted + i);
    }

    public IReadOnlyList<DeadlineSeries> Deadlines() =>
    [
        new("acknowledgement", "Accusé de réception", _byMonth[1], _byMonth[2]),
        new("response", "Réponse", _byMonth[3], _byMonth[4]),
        new("secondLevel", "Second niveau", _byMonth[5], _byMonth[6]),
    ];

    private static readonly string[] OutcomeLabels =
        ["Fondée", "Partiellement fondée", "Non fondée", "Contentieux", "Non constitutive d'une réclamation", "Sans issue encore"];

    public IReadOnlyList<Count> Outcomes() =>
        DashboardSql.Outcomes.Select((key, i) => new Count(key, OutcomeLabels[i], _byMonth[7 + i].Sum())).ToList();

    public IReadOnlyList<ReferralCount> Referrals() =>
    [
        new("Mediator", "Médiateur de l'assurance", _byMonth[13].Sum(), _byMonth[14].Sum()),
        new("Caa", "Commissariat aux Assurances (CAA)", _byMonth[15].Sum(), _byMonth[16].Sum()),
    ];

    private int[] Series(Dictionary<string, int[]> series, string key) =>
        series.TryGetValue(key, out var values) ? values : series[key] = new int[_byMonth[0].Length];
}
