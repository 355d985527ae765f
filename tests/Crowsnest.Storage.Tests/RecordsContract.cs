
namespace Crowsnest.Storage.Tests;

/// <summary>The smaller stores: audit, aliases, credentials, subscriptions, settings, threads.</summary>
public abstract class RecordsContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    [Fact]
    public async Task Audit_entries_are_appended_and_queried_newest_first()
    {
        var at = Time.GetUtcNow();
        var first = await Store.Audit.AppendAsync(new AuditEntry(0, at, "command", "slack:T1:U1", "C1", "cloudwatch describe-alarms", "allowed", "read-only", "succeeded", "corr-1", null), None);
        var second = await Store.Audit.AppendAsync(new AuditEntry(0, at.AddSeconds(1), "command", "slack:T1:U2", "C1", "lambda invoke", "denied", "guardrail", null, "corr-2", "{}"), None);

        Assert.True(second > first);
        var denied = await Store.Audit.QueryAsync(new AuditQuery(Decision: "denied"), None);
        Assert.Equal("slack:T1:U2", Assert.Single(denied).Actor);
        var all = await Store.Audit.QueryAsync(new AuditQuery(Channel: "C1"), None);
        Assert.Equal([second, first], all.Select(e => e.Id));
        Assert.Empty(await Store.Audit.QueryAsync(new AuditQuery(Since: at.AddSeconds(5)), None));
    }

    [Fact]
    public async Task Aliases_are_per_channel()
    {
        await Store.Aliases.PutAsync(new CommandAlias("slack:C1", "alarms", "cloudwatch describe-alarms --state-value $state", "U1", Time.GetUtcNow()), None);
        await Store.Aliases.PutAsync(new CommandAlias("slack:C1", "alarms", "cloudwatch describe-alarms", "U2", Time.GetUtcNow()), None);
        await Store.Aliases.PutAsync(new CommandAlias("slack:C2", "logs", "logs describe-log-groups", "U1", Time.GetUtcNow()), None);

        Assert.Equal("cloudwatch describe-alarms", (await Store.Aliases.GetAsync("slack:C1", "alarms", None))!.Command);
        Assert.Single(await Store.Aliases.ListAsync("slack:C1", None));
        Assert.Null(await Store.Aliases.GetAsync("slack:C1", "logs", None));
        Assert.True(await Store.Aliases.DeleteAsync("slack:C1", "alarms", None));
        Assert.False(await Store.Aliases.DeleteAsync("slack:C1", "alarms", None));
    }

    [Fact]
    public async Task Credential_secrets_are_encrypted_again_with_the_current_key()
    {
        Assert.True(await Store.Credentials.CreateAsync(new ApiCredential("CNAKEXAMPLE2", CredentialKind.AccessKey, "ci", "reprotected-secret-key", null, Time.GetUtcNow(), null, null), None));
        Assert.True(await Store.Credentials.CreateAsync(new ApiCredential("CNTKEXAMPLE3", CredentialKind.BearerToken, "token", null, "hash", Time.GetUtcNow(), null, null), None));
        Protector.Rotate();

        Assert.Equal(1, await Store.Credentials.ReprotectSecretsAsync(None));
        Protector.ForgetOldKeys();

        Assert.Equal("reprotected-secret-key", (await Store.Credentials.GetAsync("CNAKEXAMPLE2", None))!.Secret);
        Assert.Equal("hash", (await Store.Credentials.GetAsync("CNTKEXAMPLE3", None))!.SecretHash);
        Assert.False(await RawStoreReader.ContainsAsync(Store, RawLocation, "reprotected-secret-key"));
    }

    [Fact]
    public async Task Credentials_keep_their_secret_encrypted_and_hide_it_when_listed()
    {
        var key = new ApiCredential("CNAKEXAMPLE1", CredentialKind.AccessKey, "ci", "wJalrXUtnFEMI-secret-key", null, Time.GetUtcNow(), null, null);
        Assert.True(await Store.Credentials.CreateAsync(key, None));
        Assert.False(await Store.Credentials.CreateAsync(key, None));

        Assert.Equal("wJalrXUtnFEMI-secret-key", (await Store.Credentials.GetAsync("CNAKEXAMPLE1", None))!.Secret);
        Assert.Null(Assert.Single(await Store.Credentials.ListAsync(None)).Secret);
        Assert.False(await RawStoreReader.ContainsAsync(Store, RawLocation, "wJalrXUtnFEMI-secret-key"));

        await Store.Credentials.TouchAsync("CNAKEXAMPLE1", Time.GetUtcNow().AddMinutes(1), None);
        Assert.True(await Store.Credentials.RevokeAsync("CNAKEXAMPLE1", Time.GetUtcNow(), None));
        Assert.False(await Store.Credentials.RevokeAsync("CNAKEXAMPLE1", Time.GetUtcNow(), None));
        var revoked = await Store.Credentials.GetAsync("CNAKEXAMPLE1", None);
        Assert.NotNull(revoked!.RevokedAt);
        Assert.NotNull(revoked.LastUsedAt);
    }

    [Fact]
    public async Task Subscriptions_keep_the_latest_state_per_topic()
    {
        var pending = new SnsSubscription("arn:aws:sns:us-east-1:1:t", "m1", "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription", "tok", SubscriptionState.Pending, Time.GetUtcNow(), null, null);
        await Store.Subscriptions.PutAsync(pending, None);
        Assert.Single(await Store.Subscriptions.ListAsync(SubscriptionState.Pending, None));

        await Store.Subscriptions.PutAsync(pending with { State = SubscriptionState.Confirmed, DecidedAt = Time.GetUtcNow(), Note = "by admin" }, None);

        Assert.Empty(await Store.Subscriptions.ListAsync(SubscriptionState.Pending, None));
        Assert.Equal(SubscriptionState.Confirmed, (await Store.Subscriptions.GetAsync("arn:aws:sns:us-east-1:1:t", None))!.State);
        Assert.Single(await Store.Subscriptions.ListAsync(null, None));
    }

    [Fact]
    public async Task Settings_expire()
    {
        await Store.Settings.SetAsync("default-account:slack:C1", "111122223333", Time.GetUtcNow().AddDays(7), None);
        await Store.Settings.SetAsync("setup-done", "true", null, None);

        Assert.Equal("111122223333", await Store.Settings.GetAsync("default-account:slack:C1", None));
        Time.Advance(TimeSpan.FromDays(7));
        Assert.Null(await Store.Settings.GetAsync("default-account:slack:C1", None));
        Assert.Equal("true", await Store.Settings.GetAsync("setup-done", None));
        Assert.True(await Store.Settings.DeleteAsync("setup-done", None));
    }

    [Fact]
    public async Task The_first_thread_anchor_wins()
    {
        var first = await Store.Threads.GetOrAddAsync(new ThreadAnchor("slack:T1:C1", "alarm-x", "1700000000.000100", "C1", Time.GetUtcNow()), None);
        var second = await Store.Threads.GetOrAddAsync(new ThreadAnchor("slack:T1:C1", "alarm-x", "1700000001.000200", "C1", Time.GetUtcNow()), None);

        Assert.Equal("1700000000.000100", first.PlatformMessageId);
        Assert.Equal("1700000000.000100", second.PlatformMessageId);
        Assert.Null(await Store.Threads.GetAsync("slack:T1:C2", "alarm-x", None));
    }
}

public sealed class SqliteRecordsTests : RecordsContract<SqliteStoreFactory>;

public sealed class PostgresRecordsTests : RecordsContract<PostgresStoreFactory>;
