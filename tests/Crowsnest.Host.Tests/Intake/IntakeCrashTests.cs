using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Crowsnest.Storage;
using Crowsnest.Testing;
using Crowsnest.Testing.Sns;

namespace Crowsnest.Host.Tests.Intake;

public sealed class IntakeCrashTests
{
    private const string Topic = "arn:aws:sns:us-east-1:123456789012:crash";

    [Fact]
    public async Task Killing_the_process_mid_run_loses_no_notification_that_got_a_200()
    {
        var directory = TestHost.NewDataDirectory();
        var pinned = Path.Combine(directory, "pinned");
        using var signer = new SnsTestSigner("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-crash.pem");
        signer.PinInto(pinned);
        var bodies = Enumerable.Range(0, 3000).Select(i => (Id: $"crash-{i:D5}-{Guid.NewGuid():N}", Body: "")).ToArray();
        for (var i = 0; i < bodies.Length; i++)
        {
            bodies[i].Body = signer.Notification(Topic, $"message {i}", messageId: bodies[i].Id);
        }
        var port = FreePort.Next();
        var acknowledged = new ConcurrentBag<string>();
        await using (var crowsnest = CrowsnestProcess.Start(directory, "serve", "--listen", $"http://127.0.0.1:{port}", "--sns-pinned-certificates", pinned))
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitReadyAsync(http);
            var next = -1;
            var killed = 0;
            var senders = Enumerable.Range(0, 32).Select(_ => Task.Run(async () =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < bodies.Length && Volatile.Read(ref killed) == 0)
                {
                    try
                    {
                        using var content = new StringContent(bodies[i].Body, Encoding.UTF8, "text/plain");
                        using var answer = await http.PostAsync(new Uri("/sns", UriKind.Relative), content);
                        if (answer.StatusCode == HttpStatusCode.OK)
                        {
                            acknowledged.Add(bodies[i].Id);
                        }
                    }
                    catch (HttpRequestException)
                    {
                    }
                    catch (TaskCanceledException)
                    {
                    }
                }
            })).ToArray();
            while (acknowledged.Count < 500 && !senders.All(s => s.IsCompleted))
            {
                await Task.Delay(10);
            }
            crowsnest.Process.Kill(); // SIGKILL: no shutdown, no flush
            Volatile.Write(ref killed, 1);
            await crowsnest.Process.WaitForExitAsync();
            await Task.WhenAll(senders);
        }

        Assert.True(acknowledged.Count >= 500, $"only {acknowledged.Count} acknowledged before the kill");
        await using var store = StoreFactory.OpenSqlite(Path.Combine(directory, "data", "crowsnest.db"), new NoSecrets(), TimeProvider.System);
        await store.MigrateAsync(CancellationToken.None);
        var missing = new List<string>();
        foreach (var id in acknowledged)
        {
            if (await store.Inbox.GetAsync(id, CancellationToken.None) is null)
            {
                missing.Add(id);
            }
        }
        Assert.Empty(missing);
    }

    private static async Task WaitReadyAsync(HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var answer = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(100);
        }
        Assert.Fail("crowsnest did not become ready");
    }
}
