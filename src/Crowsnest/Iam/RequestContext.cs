using System.Globalization;
using System.Net;

namespace Crowsnest.Iam;

/// <summary>
/// The condition keys of one request (<c>aws:RequestedRegion</c>, <c>aws:CurrentTime</c>, <c>aws:PrincipalTag/team</c>, …).
/// Key names are case-insensitive. Build one per request; evaluation only reads it.
/// </summary>
public sealed class RequestContext
{
    private readonly Dictionary<string, ContextValue> _values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The keys present, with their values.</summary>
    public IReadOnlyDictionary<string, ContextValue> Values => _values;

    /// <summary>Sets a single-valued key.</summary>
    public RequestContext Set(string key, string value)
    {
        _values[key] = new ContextValue([value], isMultiValued: false);
        return this;
    }

    /// <summary>Sets a multi-valued key (such as <c>aws:TagKeys</c>); an empty list counts as absent.</summary>
    public RequestContext SetMany(string key, IEnumerable<string> values)
    {
        _values[key] = new ContextValue([.. values], isMultiValued: true);
        return this;
    }

    /// <summary>Sets a Bool key as <c>true</c>/<c>false</c>.</summary>
    public RequestContext SetBool(string key, bool value) => Set(key, value ? "true" : "false");

    /// <summary>Sets <c>aws:CurrentTime</c> (ISO 8601 UTC) and <c>aws:EpochTime</c> (seconds).</summary>
    public RequestContext SetTime(DateTimeOffset now)
    {
        Set(GlobalConditionKeys.CurrentTime, now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        return Set(GlobalConditionKeys.EpochTime, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Removes a key.</summary>
    public RequestContext Remove(string key)
    {
        _values.Remove(key);
        return this;
    }

    /// <summary>Finds a key that is present with at least one value.</summary>
    public bool TryGet(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ContextValue? value)
        => _values.TryGetValue(key, out value) && value.Count > 0;

    /// <summary>The first value of a key (what a policy variable resolves to).</summary>
    public bool TryGetFirst(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        if (TryGet(key, out var found))
        {
            value = found.Values[0];
            return true;
        }
        value = null;
        return false;
    }
}

/// <summary>The value(s) of one condition key, with lazily parsed numeric, date and IP forms.</summary>
public sealed class ContextValue
{
    private decimal?[]? _numbers;
    private DateTimeOffset?[]? _dates;
    private IPAddress?[]? _addresses;

    internal ContextValue(string[] values, bool isMultiValued)
    {
        Values = values;
        IsMultiValued = isMultiValued;
    }

    /// <summary>The values as text.</summary>
    public IReadOnlyList<string> Values { get; }

    /// <summary>True for set-valued keys (<c>ArrayOf…</c> types).</summary>
    public bool IsMultiValued { get; }

    /// <summary>How many values there are.</summary>
    public int Count => Values.Count;

    internal decimal? Number(int i)
    {
        _numbers ??= [.. Values.Select(v => ConditionValueParsers.TryNumber(v, out var n) ? n : (decimal?)null)];
        return _numbers[i];
    }

    internal DateTimeOffset? Date(int i)
    {
        _dates ??= [.. Values.Select(v => ConditionValueParsers.TryDate(v, out var d) ? d : (DateTimeOffset?)null)];
        return _dates[i];
    }

    internal IPAddress? Address(int i)
    {
        _addresses ??= [.. Values.Select(v => IPAddress.TryParse(v, out var a) ? a : null)];
        return _addresses[i];
    }
}

/// <summary>Names of the global condition keys a chat request can supply.</summary>
public static class GlobalConditionKeys
{
    public const string RequestedRegion = "aws:RequestedRegion";
    public const string CurrentTime = "aws:CurrentTime";
    public const string EpochTime = "aws:EpochTime";
    public const string SourceIp = "aws:SourceIp";
    public const string SecureTransport = "aws:SecureTransport";
    public const string PrincipalArn = "aws:PrincipalArn";
    public const string PrincipalAccount = "aws:PrincipalAccount";
    public const string PrincipalType = "aws:PrincipalType";
    public const string UserId = "aws:userid";
    public const string Username = "aws:username";
    public const string PrincipalTagPrefix = "aws:PrincipalTag/";
    public const string ViaAwsService = "aws:ViaAWSService";
    public const string RequestTagPrefix = "aws:RequestTag/";
    public const string TagKeys = "aws:TagKeys";
    public const string ResourceTagPrefix = "aws:ResourceTag/";
    public const string ChatbotSourceArn = "aws:ChatbotSourceArn";
}
