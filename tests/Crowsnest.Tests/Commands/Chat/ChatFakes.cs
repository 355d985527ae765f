using System.Collections.Concurrent;
using Crowsnest.Aws.Credentials;
using Crowsnest.Commands.Chat;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;
using Crowsnest.Configuration.Snapshot;
using Crowsnest.Iam;
using Crowsnest.Iam.Sources;
using Crowsnest.Messages;
using Crowsnest.Storage;

namespace Crowsnest.Tests.Commands.Chat;

/// <summary>Records replies; <see cref="WaitForAsync"/> completes when that many messages were posted.</summary>
internal sealed class RecordingResponder : IChatResponder
{
    private readonly object _gate = new();
    private readonly List<(int Count, TaskCompletionSource Done)> _waiters = [];
    private int _next;

    public ConcurrentQueue<(ChatConversationRef To, ChatMessage Message)> Posted { get; } = new();

    public ConcurrentQueue<(string MessageId, ChatMessage Message)> Updated { get; } = new();

    public IEnumerable<ChatMessage> Messages => Posted.Select(p => p.Message);

    public Task<ChatReplyResult> PostAsync(ChatConversationRef to, ChatMessage message, CancellationToken cancellationToken)
    {
        Posted.Enqueue((to, message));
        lock (_gate)
        {
            foreach (var w in _waiters.Where(w => Posted.Count >= w.Count))
            {
                w.Done.TrySetResult();
            }
        }
        return Task.FromResult(new ChatReplyResult($"m{Interlocked.Increment(ref _next)}", null));
    }

    public Task<ChatReplyResult> UpdateAsync(ChatConversationRef to, string messageId, ChatMessage message, CancellationToken cancellationToken)
    {
        Updated.Enqueue((messageId, message));
        return Task.FromResult(new ChatReplyResult(messageId, null));
    }

    public Task WaitForAsync(int count)
    {
        lock (_gate)
        {
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (Posted.Count >= count)
            {
                done.SetResult();
            }
            _waiters.Add((count, done));
            return done.Task.WaitAsync(TimeSpan.FromSeconds(10));
        }
    }
}

/// <summary>An invoker that answers from a script; <see cref="Gate"/> (when set) holds every call until released.</summary>
internal sealed class ScriptedInvoker : IAwsInvoker
{
    public ConcurrentQueue<AwsCall> Calls { get; } = new();

    public TaskCompletionSource? Gate { get; set; }

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task<AwsResult> InvokeAsync(AwsCall call, AwsCredentials credentials, CancellationToken ct)
    {
        Calls.Enqueue(call);
        Started.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(ct);
        }
        return new AwsResult.Success(new System.Text.Json.Nodes.JsonObject { ["MetricAlarms"] = new System.Text.Json.Nodes.JsonArray() }, 1);
    }
}

internal sealed class FixedCredentials : IChatCredentials
{
    public ConcurrentQueue<RoleSession> Sessions { get; } = new();

    public Task<AssumeRoleResult> AssumeAsync(RoleSession session, CancellationToken cancellationToken)
    {
        Sessions.Enqueue(session);
        return Task.FromResult<AssumeRoleResult>(new AssumeRoleResult.Assumed(new AwsCredentials("AKIA", "secret", "token")));
    }
}

/// <summary>Every role allows <c>cloudwatch:*</c>; configurations set no guardrail unless given.</summary>
internal sealed class StaticPolicies(string roleJson = """{"Version":"2012-10-17","Statement":[{"Sid":"All","Effect":"Allow","Action":"cloudwatch:*","Resource":"*"}]}""")
    : IChatPolicyResolver
{
    public ValueTask<PolicySetResolution> RoleAsync(string roleArn, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new PolicySetResolution(new PolicySet(PolicyResolver.RoleName(roleArn), [CompiledPolicy.Parse("inline", roleJson).Policy!]), []));

    public ValueTask<PolicySetResolution> GuardrailsAsync(ChannelConfiguration configuration, CancellationToken cancellationToken) =>
        ValueTask.FromResult(new PolicySetResolution(null, []));
}

internal sealed class MapUserRoles : IUserRoleDirectory
{
    public Dictionary<string, string> Roles { get; } = [];

    public Task<string?> FindRoleArnAsync(string configurationArn, string platform, string userId, CancellationToken cancellationToken) =>
        Task.FromResult(Roles.GetValueOrDefault(userId));
}

internal sealed class MemoryAudit : IAuditLog
{
    public ConcurrentQueue<AuditEntry> Entries { get; } = new();

    public Task<long> AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        Entries.Enqueue(entry);
        return Task.FromResult((long)Entries.Count);
    }

    public Task<IReadOnlyList<AuditEntry>> QueryAsync(AuditQuery query, CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<AuditEntry>>([.. Entries]);
}

/// <summary>In-memory aliases, settings and chat state (the SQL stores have their own contract suite).</summary>
internal sealed class MemoryChatStores(TimeProvider time) : IAliasStore, ISettingsStore, IChatStateStore
{
    private readonly ConcurrentDictionary<(string, string), CommandAlias> _aliases = new();
    private readonly ConcurrentDictionary<string, (string Value, DateTimeOffset? Expires)> _settings = new();
    private readonly ConcurrentDictionary<string, PendingInteraction> _pending = new();
    private readonly ConcurrentDictionary<string, DateTimeOffset> _events = new();

    public Task PutAsync(CommandAlias alias, CancellationToken cancellationToken) => Task.FromResult(_aliases[(alias.ChannelKey, alias.Name)] = alias);

    public Task<CommandAlias?> GetAsync(string channelKey, string name, CancellationToken cancellationToken) => Task.FromResult(_aliases.GetValueOrDefault((channelKey, name)));

    public Task<IReadOnlyList<CommandAlias>> ListAsync(string channelKey, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CommandAlias>>([.. _aliases.Values.Where(a => a.ChannelKey == channelKey).OrderBy(a => a.Name, StringComparer.Ordinal)]);

    public Task<bool> DeleteAsync(string channelKey, string name, CancellationToken cancellationToken) => Task.FromResult(_aliases.TryRemove((channelKey, name), out _));

    public Task<string?> GetAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_settings.TryGetValue(key, out var v) && (v.Expires is null || v.Expires > time.GetUtcNow()) ? v.Value : null);

    public Task SetAsync(string key, string value, DateTimeOffset? expiresAt, CancellationToken cancellationToken) => Task.FromResult(_settings[key] = (value, expiresAt));

    public Task<bool> DeleteAsync(string key, CancellationToken cancellationToken) => Task.FromResult(_settings.TryRemove(key, out _));

    public Task PutPendingAsync(PendingInteraction pending, CancellationToken cancellationToken) => Task.FromResult(_pending[pending.Id] = pending);

    public Task<PendingInteraction?> GetPendingAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_pending.GetValueOrDefault(id));

    public Task<PendingInteraction?> FindPendingAsync(string channelKey, string threadId, string userId, string kind, CancellationToken cancellationToken) =>
        Task.FromResult(_pending.Values.Where(p => p.ChannelKey == channelKey && p.ThreadId == threadId && p.UserId == userId && p.Kind == kind && p.ExpiresAt > time.GetUtcNow())
            .OrderByDescending(p => p.CreatedAt).FirstOrDefault());

    public Task<bool> TakePendingAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_pending.TryRemove(id, out _));

    public Task<bool> TryClaimEventAsync(string eventId, DateTimeOffset expiresAt, CancellationToken cancellationToken) => Task.FromResult(_events.TryAdd(eventId, expiresAt));

    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    public IReadOnlyCollection<PendingInteraction> Pending => [.. _pending.Values];
}
