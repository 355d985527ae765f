namespace Crowsnest.Storage.Tests;

/// <summary>Pending chat dialogues and claimed chat event ids, on every store.</summary>
public abstract class ChatStateContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    private PendingInteraction Pending(string id, string kind = "confirm", string thread = "1700000000.000100", string user = "U1", TimeSpan? ttl = null) =>
        new(id, kind, "slack:T1:C1", thread, user, $"{{\"text\":\"{id}\"}}", Time.GetUtcNow(), Time.GetUtcNow() + (ttl ?? TimeSpan.FromMinutes(10)));

    [Fact]
    public async Task A_pending_dialogue_round_trips_and_is_taken_once()
    {
        var pending = Pending("p1");
        await Store.ChatState.PutPendingAsync(pending, None);

        Assert.Equal(pending, await Store.ChatState.GetPendingAsync("p1", None));
        Assert.True(await Store.ChatState.TakePendingAsync("p1", None));
        Assert.False(await Store.ChatState.TakePendingAsync("p1", None));
        Assert.Null(await Store.ChatState.GetPendingAsync("p1", None));
    }

    [Fact]
    public async Task Find_returns_the_newest_unexpired_dialogue_of_that_user_thread_and_kind()
    {
        await Store.ChatState.PutPendingAsync(Pending("old", "prompt"), None);
        Time.Advance(TimeSpan.FromSeconds(1));
        await Store.ChatState.PutPendingAsync(Pending("new", "prompt"), None);
        await Store.ChatState.PutPendingAsync(Pending("other-user", "prompt", user: "U2"), None);
        await Store.ChatState.PutPendingAsync(Pending("other-kind", "confirm"), None);

        Assert.Equal("new", (await Store.ChatState.FindPendingAsync("slack:T1:C1", "1700000000.000100", "U1", "prompt", None))?.Id);
        Assert.Null(await Store.ChatState.FindPendingAsync("slack:T1:C1", "1700000009.000900", "U1", "prompt", None));
        Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Null(await Store.ChatState.FindPendingAsync("slack:T1:C1", "1700000000.000100", "U1", "prompt", None));
        // Expired dialogues stay readable by id (to say they expired) until purged.
        Assert.NotNull(await Store.ChatState.GetPendingAsync("new", None));
        Assert.Equal(4, await Store.ChatState.PurgeExpiredAsync(None));
        Assert.Null(await Store.ChatState.GetPendingAsync("new", None));
    }

    [Fact]
    public async Task An_event_id_is_claimed_once_until_it_expires()
    {
        Assert.True(await Store.ChatState.TryClaimEventAsync("Ev1", Time.GetUtcNow().AddHours(1), None));
        Assert.False(await Store.ChatState.TryClaimEventAsync("Ev1", Time.GetUtcNow().AddHours(1), None));
        Assert.True(await Store.ChatState.TryClaimEventAsync("Ev2", Time.GetUtcNow().AddHours(1), None));
        Time.Advance(TimeSpan.FromHours(2));
        Assert.True(await Store.ChatState.TryClaimEventAsync("Ev1", Time.GetUtcNow().AddHours(1), None));
    }

    [Fact]
    public async Task Concurrent_claims_of_one_event_let_exactly_one_win()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Store.ChatState.TryClaimEventAsync("EvRace", Time.GetUtcNow().AddHours(1), None)));
        Assert.Single(claims, c => c);
        await Store.ChatState.PutPendingAsync(Pending("race"), None);
        var takes = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Store.ChatState.TakePendingAsync("race", None)));
        Assert.Single(takes, t => t);
    }
}

public sealed class SqliteChatStateTests : ChatStateContract<SqliteStoreFactory>;

public sealed class PostgresChatStateTests : ChatStateContract<PostgresStoreFactory>;
