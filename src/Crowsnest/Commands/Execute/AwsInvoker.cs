using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Crowsnest.Aws;
using Crowsnest.Aws.Credentials;
using Crowsnest.Aws.Endpoints;
using Crowsnest.Aws.Protocols;
using Crowsnest.Commands.Parse;

namespace Crowsnest.Commands.Execute;

/// <summary>
/// Runs an <see cref="AwsCall"/>: serialises it in the service's protocol, signs it with SigV4, sends it, parses
/// the answer, follows pagination (bounded by --max-items and the server's caps) within one overall timeout.
/// </summary>
public sealed class AwsInvoker(HttpClient http, AwsInvokerOptions options, TimeProvider time) : IAwsInvoker
{
    private readonly EndpointResolver _endpoints = new(options.Endpoints);

    public AwsInvoker(HttpClient http, AwsInvokerOptions options)
        : this(http, options, TimeProvider.System)
    {
    }

    public async Task<AwsResult> InvokeAsync(AwsCall call, AwsCredentials credentials, CancellationToken ct)
    {
        if (call.MissingRequired.Count > 0)
        {
            var error = new AwsError("MissingParameter", $"Missing: {string.Join(", ", call.MissingRequired)}", 0, null);
            return new AwsResult.Failure(error, ErrorMessages.For(error, call));
        }
        using var timeout = new CancellationTokenSource(options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            return call.Output.Paginate && call.Operation.Paginator is not null
                ? await new Pager(this, call, credentials, options).RunAsync(linked.Token).ConfigureAwait(false)
                : await SendAsync(call, call.Input, credentials, linked.Token).ConfigureAwait(false) switch
                {
                    (JsonObject output, null) => new AwsResult.Success(output, 1),
                    (_, var failure) => failure!,
                };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            var error = new AwsError("RequestTimeout", $"No complete answer within {options.Timeout.TotalSeconds:0} s.", 0, null);
            return new AwsResult.Failure(error, ErrorMessages.For(error, call));
        }
    }

    /// <summary>One request (with retries): the parsed output, or a failure.</summary>
    internal async Task<(JsonObject? Output, AwsResult.Failure? Failure)> SendAsync(AwsCall call, JsonObject input, AwsCredentials credentials, CancellationToken ct)
    {
        var operation = call.Operation;
        var wire = ProtocolCodec.Serialize(operation, input);
        var endpoint = _endpoints.Resolve(operation.Service.Metadata, call.Region);
        for (var attempt = 0; ; attempt++)
        {
            WireResponse response;
            try
            {
                using var request = await BuildAsync(wire, RequestAddress.For(operation, input, endpoint, wire.PathAndQuery, options.ForcePathStyle), endpoint, credentials,
                    operation.Service.Metadata.SigningName, ct).ConfigureAwait(false);
                using var answer = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
                response = await ReadAsync(answer, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                if (attempt < options.MaxRetries)
                {
                    await Task.Delay(Backoff(attempt), time, ct).ConfigureAwait(false);
                    continue;
                }
                var error = new AwsError("EndpointUnreachable", e.HttpRequestError.ToString(), 0, null);
                return (null, new AwsResult.Failure(error, ErrorMessages.For(error, call)));
            }
            if (!ProtocolCodec.IsError(response))
            {
                return (ProtocolCodec.ParseOutput(operation, response), null);
            }
            var awsError = ProtocolCodec.ParseError(operation, response);
            if (attempt < options.MaxRetries && IsRetryable(awsError))
            {
                await Task.Delay(Backoff(attempt), time, ct).ConfigureAwait(false);
                continue;
            }
            return (null, new AwsResult.Failure(awsError, ErrorMessages.For(awsError, call)));
        }
    }

    private async Task<HttpRequestMessage> BuildAsync(WireRequest wire, Uri uri, ResolvedEndpoint endpoint, AwsCredentials credentials, string service, CancellationToken ct)
    {
        var request = new HttpRequestMessage(new HttpMethod(wire.Method), uri);
        if (wire.Body.Length > 0 || wire.Method is "POST" or "PUT")
        {
            request.Content = new ByteArrayContent(wire.Body);
            if (wire.ContentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(wire.ContentType);
            }
        }
        foreach (var (name, value) in wire.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                // Content-Type, Content-MD5, Expires, ...: content headers in .NET.
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }
        await RequestSigner.SignAsync(request, wire.Body, credentials, endpoint.SigningRegion, service, time.GetUtcNow(), ct).ConfigureAwait(false);
        return request;
    }

    private static async Task<WireResponse> ReadAsync(HttpResponseMessage answer, CancellationToken ct)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in answer.Headers.Concat(answer.Content.Headers))
        {
            headers[h.Key] = string.Join(',', h.Value);
        }
        var body = await answer.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
        return new WireResponse((int)answer.StatusCode, headers, body);
    }

    private static bool IsRetryable(AwsError error) =>
        error.Status is 500 or 502 or 503 or 504
        || error.Code is "Throttling" or "ThrottlingException" or "TooManyRequestsException" or "RequestLimitExceeded" or "SlowDown"
            or "ProvisionedThroughputExceededException" or "RequestThrottled";

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(200 * (1 << attempt));
}
