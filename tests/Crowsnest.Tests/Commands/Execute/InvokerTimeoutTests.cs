using System.Net;
using System.Net.Sockets;
using Crowsnest.Aws.Endpoints;
using Crowsnest.Commands.Execute;
using Microsoft.Extensions.Time.Testing;

namespace Crowsnest.Tests.Commands.Execute;

public class InvokerTimeoutTests
{
    [Fact]
    public async Task A_silent_endpoint_gives_a_timeout_result_after_fifteen_seconds()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accept = listener.AcceptTcpClientAsync(); // accepts and never answers
        var url = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var options = new AwsInvokerOptions { Endpoints = new AwsEndpointOptions { Overrides = new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = url } } };
        Assert.Equal(TimeSpan.FromSeconds(15), options.Timeout);
        var invoker = new AwsInvoker(http, options, time);

        var pending = invoker.InvokeAsync(MotoAws.Parse("sts get-caller-identity"), MotoAws.TestCredentials, CancellationToken.None);
        using var client = await accept;
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(15));
        var failure = Assert.IsType<AwsResult.Failure>(await pending);
        Assert.Equal("RequestTimeout", failure.Error.Code);
        Assert.Contains("did not answer in time", failure.PlainMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Missing_required_parameters_are_not_sent()
    {
        using var http = new HttpClient();
        var invoker = new AwsInvoker(http, new AwsInvokerOptions());
        var failure = Assert.IsType<AwsResult.Failure>(await invoker.InvokeAsync(MotoAws.Parse("ssm get-parameter"), MotoAws.TestCredentials, CancellationToken.None));
        Assert.Equal("MissingParameter", failure.Error.Code);
        Assert.Contains("--name", failure.PlainMessage, StringComparison.Ordinal);
    }
}
