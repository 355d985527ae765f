using System.Text.Json.Nodes;
using Crowsnest.Aws.Credentials;
using Crowsnest.Aws.Models;
using Crowsnest.Commands.Parse;

namespace Crowsnest.Commands.Execute;

/// <summary>
/// Automatic pagination as botocore's PageIterator and build_full_result do it: result keys merged across pages,
/// the non-aggregate keys from the first page, cut at --max-items (or the server cap) with a resume <c>NextToken</c>.
/// </summary>
internal sealed class Pager(AwsInvoker invoker, AwsCall call, AwsCredentials credentials, AwsInvokerOptions options)
{
    private readonly Paginator _paginator = call.Operation.Paginator!;

    public async Task<AwsResult> RunAsync(CancellationToken ct)
    {
        var maxItems = Math.Min(call.Output.MaxItems ?? int.MaxValue, options.MaxItemsCap);
        var input = (JsonObject)call.Input.DeepClone();
        var currentToken = new JsonObject();
        foreach (var t in _paginator.InputTokens)
        {
            currentToken[t] = null;
        }
        var skip = 0;
        if (call.Output.StartingToken is { } starting)
        {
            currentToken = PaginationToken.Decode(starting, _paginator.InputTokens);
            skip = (int?)currentToken[PaginationToken.TruncateKey] ?? 0;
            currentToken.Remove(PaginationToken.TruncateKey);
            Inject(input, currentToken);
        }
        if (call.Output.PageSize is { } pageSize && _paginator.LimitKey is { } limitKey)
        {
            input[limitKey] = pageSize;
        }
        var primary = _paginator.ResultKeys.Count > 0 ? _paginator.ResultKeys[0] : null;
        var merged = new JsonObject();
        var nonAggregate = new JsonObject();
        JsonObject? resume = null;
        var total = 0;
        var pages = 0;
        string? previous = null;
        while (true)
        {
            var (page, failure) = await invoker.SendAsync(call, input, credentials, ct).ConfigureAwait(false);
            if (failure is not null)
            {
                return failure;
            }
            pages++;
            if (pages == 1)
            {
                if (skip > 0 && primary is not null && JsonPaths.Get(page!, primary) is JsonArray first)
                {
                    JsonPaths.Set(page!, primary, new JsonArray([.. first.Skip(skip).Select(n => n?.DeepClone())]));
                }
                // botocore keeps only the result keys and the paginator's non-aggregate keys (null when absent).
                foreach (var key in _paginator.NonAggregateKeys)
                {
                    JsonPaths.Set(nonAggregate, key, JsonPaths.Get(page!, key)?.DeepClone());
                }
            }
            var items = primary is not null && JsonPaths.Get(page!, primary) is JsonArray list ? list.Count : 0;
            var pageSkip = pages == 1 ? skip : 0;
            if (total + items > maxItems)
            {
                var keep = maxItems - total;
                JsonPaths.Set(page!, primary!, new JsonArray([.. ((JsonArray)JsonPaths.Get(page!, primary!)!).Take(keep).Select(n => n?.DeepClone())]));
                Merge(merged, page!);
                resume = (JsonObject)currentToken.DeepClone();
                resume[PaginationToken.TruncateKey] = keep + pageSkip;
                break;
            }
            Merge(merged, page!);
            total += items;
            var next = NextToken(page!);
            if (next is null)
            {
                break;
            }
            if (total == maxItems || pages >= options.MaxPages)
            {
                resume = next;
                break;
            }
            var serialized = next.ToJsonString();
            if (serialized == previous)
            {
                break; // botocore refuses a repeated token; stop rather than loop
            }
            previous = serialized;
            currentToken = next;
            Inject(input, next);
        }
        foreach (var (k, v) in nonAggregate)
        {
            merged[k] = v?.DeepClone();
        }
        if (resume is not null)
        {
            merged["NextToken"] = PaginationToken.Encode(resume);
        }
        return new AwsResult.Success(merged, pages);
    }

    private void Merge(JsonObject merged, JsonObject page)
    {
        foreach (var key in _paginator.ResultKeys)
        {
            var value = JsonPaths.Get(page, key);
            if (value is null)
            {
                continue;
            }
            var existing = JsonPaths.Get(merged, key);
            if (existing is JsonArray target && value is JsonArray more)
            {
                foreach (var item in more)
                {
                    target.Add(item?.DeepClone());
                }
            }
            else if (existing is null)
            {
                JsonPaths.Set(merged, key, value.DeepClone());
            }
        }
    }

    private JsonObject? NextToken(JsonObject page)
    {
        if (_paginator.MoreResults is { } more && JsonPaths.Get(page, more) is JsonValue flag && !flag.GetValue<bool>())
        {
            return null;
        }
        var token = new JsonObject();
        var any = false;
        for (var i = 0; i < _paginator.InputTokens.Count; i++)
        {
            var value = i < _paginator.OutputTokens.Count ? JsonPaths.Get(page, _paginator.OutputTokens[i]) : null;
            any |= value is not null && !(value is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String && v.GetValue<string>().Length == 0);
            token[_paginator.InputTokens[i]] = value?.DeepClone();
        }
        return any ? token : null;
    }

    private static void Inject(JsonObject input, JsonObject token)
    {
        foreach (var (k, v) in token)
        {
            if (v is null)
            {
                input.Remove(k);
            }
            else
            {
                input[k] = v.DeepClone();
            }
        }
    }
}
