namespace Reclamations.Domain.Reporting;

/// <summary>Median and 90th percentile (nearest rank: the smallest value with at least p × n values at or below it) of a
/// histogram of whole days, as SQLite counted it (value → how many).</summary>
internal static class Percentiles
{
    public static HandlingTime Of(SortedDictionary<int, int> histogram)
    {
        var n = histogram.Values.Sum();
        return n == 0 ? new HandlingTime(0, null, null) : new HandlingTime(n, Rank(histogram, n, 0.5), Rank(histogram, n, 0.9));
    }

    private static int Rank(SortedDictionary<int, int> histogram, int n, double p)
    {
        var rank = (int)Math.Ceiling(p * n);
        var seen = 0;
        foreach (var (value, count) in histogram)
        {
            seen += count;
            if (seen >= rank) return value;
        }

        return histogram.Keys.Last();
    }
}
