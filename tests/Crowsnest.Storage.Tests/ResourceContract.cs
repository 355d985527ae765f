
namespace Crowsnest.Storage.Tests;

public abstract class ResourceContract<TFactory> : StoreContract<TFactory>
    where TFactory : IStoreFactory, new()
{
    private ResourceRecord Config(string id, string name, string? secrets = null) =>
        new("configuration", id, name, $"{{\"name\":\"{name}\"}}", secrets, 0, Time.GetUtcNow(), Time.GetUtcNow());

    [Fact]
    public async Task Create_get_update_delete_with_conflicts_and_versions()
    {
        Assert.Equal(ResourceWriteResult.Ok, await Store.Resources.CreateAsync(Config("arn:1", "prod"), None));
        Assert.Equal(ResourceWriteResult.Conflict, await Store.Resources.CreateAsync(Config("arn:1", "other"), None));
        Assert.Equal(ResourceWriteResult.Conflict, await Store.Resources.CreateAsync(Config("arn:2", "prod"), None));
        Assert.Equal(ResourceWriteResult.Ok, await Store.Resources.CreateAsync(Config("arn:2", "staging"), None));
        var stampBefore = await Store.Resources.GetChangeStampAsync(None);

        Assert.Equal(ResourceWriteResult.Ok, await Store.Resources.UpdateAsync(Config("arn:1", "prod") with { Document = "{\"v\":2}" }, expectedVersion: 1, None));
        Assert.Equal(ResourceWriteResult.VersionMismatch, await Store.Resources.UpdateAsync(Config("arn:1", "prod"), expectedVersion: 1, None));
        Assert.Equal(ResourceWriteResult.Conflict, await Store.Resources.UpdateAsync(Config("arn:1", "staging"), null, None));
        Assert.Equal(ResourceWriteResult.NotFound, await Store.Resources.UpdateAsync(Config("arn:9", "x"), null, None));

        var updated = await Store.Resources.GetAsync("configuration", "arn:1", None);
        Assert.Equal("{\"v\":2}", updated!.Document);
        Assert.Equal(2, updated.Version);
        Assert.Equal("arn:2", (await Store.Resources.GetByNameAsync("configuration", "staging", None))!.Id);
        Assert.True(await Store.Resources.GetChangeStampAsync(None) > stampBefore);
        Assert.True(await Store.Resources.DeleteAsync("configuration", "arn:1", None));
        Assert.False(await Store.Resources.DeleteAsync("configuration", "arn:1", None));
        Assert.Null(await Store.Resources.GetAsync("configuration", "arn:1", None));
    }

    [Fact]
    public async Task Secrets_round_trip_but_are_stored_encrypted()
    {
        const string secret = "{\"botToken\":\"xoxb-secret-token-value\"}";
        await Store.Resources.CreateAsync(Config("arn:s", "with-secret", secret), None);

        Assert.Equal(secret, (await Store.Resources.GetAsync("configuration", "arn:s", None))!.Secrets);
        var listed = await Store.Resources.ListAllAsync(["configuration"], None);
        Assert.Equal(secret, Assert.Single(listed).Secrets);
        Assert.False(await RawStoreReader.ContainsAsync(Store, RawLocation, "xoxb-secret-token-value"));
        Assert.True(await RawStoreReader.ContainsAsync(Store, RawLocation, "with-secret"));
    }

    [Fact]
    public async Task Secrets_are_encrypted_again_with_the_current_key_without_touching_versions()
    {
        const string secret = "{\"botToken\":\"xoxb-reprotected\"}";
        await Store.Resources.CreateAsync(Config("arn:s", "with-secret", secret), None);
        await Store.Resources.CreateAsync(Config("arn:p", "plain"), None);
        var stamp = await Store.Resources.GetChangeStampAsync(None);
        Protector.Rotate();

        Assert.Equal(1, await Store.Resources.ReprotectSecretsAsync(None));
        Protector.ForgetOldKeys();

        var record = await Store.Resources.GetAsync("configuration", "arn:s", None);
        Assert.Equal(secret, record!.Secrets);
        Assert.Equal(1, record.Version);
        Assert.Null((await Store.Resources.GetAsync("configuration", "arn:p", None))!.Secrets);
        Assert.Equal(stamp, await Store.Resources.GetChangeStampAsync(None));
        Assert.False(await RawStoreReader.ContainsAsync(Store, RawLocation, "xoxb-reprotected"));
    }

    [Fact]
    public async Task A_secret_that_does_not_decrypt_leaves_every_secret_as_it_was()
    {
        // The pass goes in id order: arn:1 is encrypted again before arn:2, written with a key since forgotten, fails.
        await Store.Resources.CreateAsync(Config("arn:2", "undecryptable", "{\"b\":2}"), None);
        Protector.Rotate();
        Protector.ForgetOldKeys();
        await Store.Resources.CreateAsync(Config("arn:1", "readable", "{\"a\":1}"), None);
        Protector.Rotate();

        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => Store.Resources.ReprotectSecretsAsync(None));
        Protector.ForgetOldKeys();

        // Had the failed pass kept its rewrite of arn:1, arn:1 would decrypt with the current key.
        await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() => Store.Resources.GetAsync("configuration", "arn:1", None));
    }

    [Fact]
    public async Task Listing_pages_in_id_order()
    {
        for (var i = 0; i < 5; i++)
        {
            await Store.Resources.CreateAsync(Config($"arn:{i}", $"name-{i}"), None);
        }
        var first = await Store.Resources.ListAsync("configuration", 2, null, None);
        var second = await Store.Resources.ListAsync("configuration", 2, first.NextToken, None);
        var third = await Store.Resources.ListAsync("configuration", 2, second.NextToken, None);

        Assert.Equal(["arn:0", "arn:1"], first.Items.Select(r => r.Id));
        Assert.Equal(["arn:2", "arn:3"], second.Items.Select(r => r.Id));
        Assert.Equal(["arn:4"], third.Items.Select(r => r.Id));
        Assert.Null(third.NextToken);
    }

    [Fact]
    public async Task Tags_and_associations()
    {
        await Store.Resources.CreateAsync(Config("arn:c", "c"), None);
        await Store.Resources.SetTagsAsync("arn:c", [new ResourceTag("team", "ops"), new ResourceTag("env", "prod")], None);
        await Store.Resources.SetTagsAsync("arn:c", [new ResourceTag("env", "stage")], None);
        await Store.Resources.RemoveTagsAsync("arn:c", ["team"], None);
        Assert.Equal([new ResourceTag("env", "stage")], await Store.Resources.GetTagsAsync("arn:c", None));

        Assert.True(await Store.Resources.AssociateAsync("arn:c", "arn:action-1", None));
        Assert.False(await Store.Resources.AssociateAsync("arn:c", "arn:action-1", None));
        Assert.True(await Store.Resources.AssociateAsync("arn:c", "arn:action-2", None));
        var page = await Store.Resources.ListAssociationsAsync("arn:c", 1, null, None);
        Assert.Equal(["arn:action-1"], page.Items);
        Assert.Equal(["arn:action-2"], (await Store.Resources.ListAssociationsAsync("arn:c", 1, page.NextToken, None)).Items);
        Assert.Equal([new ResourceAssociation("arn:c", "arn:action-1"), new ResourceAssociation("arn:c", "arn:action-2")], await Store.Resources.ListAllAssociationsAsync(None));
        Assert.True(await Store.Resources.DisassociateAsync("arn:c", "arn:action-1", None));

        await Store.Resources.DeleteAsync("configuration", "arn:c", None);
        Assert.Empty(await Store.Resources.GetTagsAsync("arn:c", None));
        Assert.Empty((await Store.Resources.ListAssociationsAsync("arn:c", 10, null, None)).Items);
    }
}

public sealed class SqliteResourceTests : ResourceContract<SqliteStoreFactory>;

public sealed class PostgresResourceTests : ResourceContract<PostgresStoreFactory>;
