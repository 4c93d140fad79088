using Microsoft.AspNetCore.Http.HttpResults;
using Reclamations.Engine.Api;

namespace Reclamations.Web.Engine;

/// <summary>Every list endpoint is paged: <c>firstResult</c> (default 0), <c>maxResults</c> (default 100, at most 1000),
/// the total number of matches in the <c>X-Total-Count</c> header.</summary>
public static class Paging
{
    public const string TotalCountHeader = "X-Total-Count";
    public const int DefaultMaxResults = 100;
    public const int Limit = 1000;

    public static Ok<IReadOnlyList<T>> Ok<T>(HttpContext http, Page<T> page)
    {
        http.Response.Headers[TotalCountHeader] = page.Total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Ok(page.Items);
    }

    /// <summary>Pages a list already in memory (small lists: definitions, complaints).</summary>
    public static Ok<IReadOnlyList<T>> Ok<T>(HttpContext http, IReadOnlyList<T> all, int? firstResult, int? maxResults)
    {
        var (first, max) = Check(firstResult, maxResults);
        return Ok(http, new Page<T>(all.Skip(first).Take(max).ToList(), all.Count));
    }

    /// <summary>Validated paging parameters (a 400 naming the parameter otherwise).</summary>
    public static (int First, int Max) Check(int? firstResult, int? maxResults, int defaultMax = DefaultMaxResults)
    {
        var first = firstResult ?? 0;
        var max = maxResults ?? defaultMax;
        if (first < 0) throw new BadHttpRequestException($"firstResult: {first} is negative.");
        if (max is < 0 or > Limit) throw new BadHttpRequestException($"maxResults: {max} is not between 0 and {Limit}.");
        return (first, max);
    }
}
