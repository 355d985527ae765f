using System.Text;

namespace Crowsnest.Host.Api;

/// <summary>MaxResults/NextToken paging over an ordered in-memory list; tokens are base64 of the last key.</summary>
internal static class Paging
{
    public const int DefaultMaxResults = 100;

    /// <summary>The page after the token, or null when the token is not one of ours.</summary>
    public static (IReadOnlyList<T> Items, string? NextToken)? Page<T>(IReadOnlyList<T> ordered, Func<T, string> key, int? maxResults, string? nextToken)
    {
        var max = maxResults ?? DefaultMaxResults;
        var start = 0;
        if (nextToken is not null)
        {
            string last;
            try
            {
                last = Encoding.UTF8.GetString(Convert.FromBase64String(nextToken));
            }
            catch (FormatException)
            {
                return null;
            }
            start = ordered.Count(i => string.CompareOrdinal(key(i), last) <= 0);
        }
        var items = ordered.Skip(start).Take(max).ToList();
        var more = start + items.Count < ordered.Count;
        return (items, more ? Convert.ToBase64String(Encoding.UTF8.GetBytes(key(items[^1]))) : null);
    }

    public static AwsError BadToken(string type = "InvalidParameterException") => new(type, "The NextToken is not valid.");
}
