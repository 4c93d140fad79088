using Reclamations.Domain.Reporting.Annual;
using Reclamations.Web.Compliance;
using ScottPlot;

namespace Reclamations.Web.AnnualReports;

/// <summary>The annual synthesis's charts, drawn on the server by ScottPlot (PNG) for the PDF and the printable page; each
/// one is shown with the table of its figures.</summary>
public static class AnnualCharts
{
    public const int Width = 900;
    public const int Height = 380;

    /// <summary>The charts by name (the route's <c>{chart}</c>), in the order of the synthesis.</summary>
    public static IReadOnlyDictionary<string, string> Titles { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["par-mois"] = "Réclamations reçues par mois",
        ["par-canal"] = "Réclamations reçues par canal",
        ["delais"] = "Délais respectés et dépassés",
        ["issues"] = "Issue des réclamations",
    };

    private static readonly Lock FontGate = new();
    private static bool _fontAdded;

    /// <exception cref="KeyNotFoundException">No chart has that name.</exception>
    public static byte[] Render(string chart, AnnualFigures figures, string fontDirectory) => chart switch
    {
        "par-mois" => Bars(Titles[chart], figures.ByMonth.Select(r => (r.Label[..Math.Min(4, r.Label.Length)], (double)r.Count)).ToList(), fontDirectory),
        "par-canal" => Bars(Titles[chart], figures.ByChannel.Select(r => (r.Label, (double)r.Count)).ToList(), fontDirectory),
        "issues" => Bars(Titles[chart], figures.Outcomes.Where(o => o.Code != "pending" || o.Count > 0)
            .Select(r => (Short(r.Label), (double)r.Count)).ToList(), fontDirectory),
        "delais" => Deadlines(figures, fontDirectory),
        _ => throw new KeyNotFoundException($"Graphique inconnu : « {chart} » (attendu : {string.Join(", ", Titles.Keys)})."),
    };

    private static string Short(string label) => label.Length <= 18 ? label : label[..17] + "…";

    private static Plot NewPlot(string title, string fontDirectory)
    {
        lock (FontGate)
        {
            if (!_fontAdded)
            {
                Fonts.AddFontFile(DejaVuFontResolver.Family, Path.Combine(fontDirectory, "DejaVuSans.ttf"), false, false);
                Fonts.AddFontFile(DejaVuFontResolver.Family, Path.Combine(fontDirectory, "DejaVuSans-Bold.ttf"), true, false);
                _fontAdded = true;
            }
        }

        var plot = new Plot();
        plot.Font.Set(DejaVuFontResolver.Family);
        plot.Title(title);
        plot.Axes.Margins(bottom: 0);
        return plot;
    }

    private static byte[] Bars(string title, IReadOnlyList<(string Label, double Value)> data, string fontDirectory)
    {
        using var plot = NewPlot(title, fontDirectory);
        var bars = plot.Add.Bars(data.Select(d => d.Value).ToArray());
        bars.Color = Color.FromHex("#1f4e79");
        foreach (var bar in bars.Bars) bar.Label = bar.Value.ToString("0", System.Globalization.CultureInfo.InvariantCulture);
        bars.ValueLabelStyle.FontName = DejaVuFontResolver.Family;
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, data.Count).Select(i => (double)i)], [.. data.Select(d => d.Label)]);
        plot.Axes.Left.Label.Text = "Nombre";
        plot.Axes.SetLimitsY(0, Math.Max(1, data.Count == 0 ? 1 : data.Max(d => d.Value)) * 1.15);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    private static byte[] Deadlines(AnnualFigures f, string fontDirectory)
    {
        using var plot = NewPlot(Titles["delais"], fontDirectory);
        var groups = new[] { ("Accusé de réception", f.Acknowledgement), ("Réponse", f.Answer), ("Second niveau", f.SecondLevel) };
        var met = new List<Bar>();
        var missed = new List<Bar>();
        for (var i = 0; i < groups.Length; i++)
        {
            met.Add(new Bar { Position = i * 3, Value = groups[i].Item2.Met, FillColor = Color.FromHex("#2e7d32"), Label = groups[i].Item2.Met.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            missed.Add(new Bar { Position = i * 3 + 1, Value = groups[i].Item2.Missed, FillColor = Color.FromHex("#b71c1c"), Label = groups[i].Item2.Missed.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var metPlot = plot.Add.Bars(met);
        metPlot.LegendText = "Respectés";
        var missedPlot = plot.Add.Bars(missed);
        missedPlot.LegendText = "Dépassés";
        plot.Axes.Bottom.SetTicks([.. groups.Select((_, i) => i * 3 + 0.5)], [.. groups.Select(g => g.Item1)]);
        plot.Axes.Left.Label.Text = "Nombre";
        var max = groups.Max(g => Math.Max(g.Item2.Met, g.Item2.Missed));
        plot.Axes.SetLimitsY(0, Math.Max(1, max) * 1.15);
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
