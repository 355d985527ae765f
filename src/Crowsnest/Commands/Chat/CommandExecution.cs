using Crowsnest.Aws.Credentials;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;

namespace Crowsnest.Commands.Chat;

/// <summary>
/// Runs one authorized call: assumes the role, invokes, and when the call outlives
/// <see cref="ChatHandlerOptions.StillRunningAfter"/> calls <c>onStillRunning</c> once and keeps waiting, up to
/// <see cref="ChatHandlerOptions.MaxRunTime"/>. A shortcut's further calls (polling a Logs Insights query) are each
/// decided by <c>followUpDenial</c> first, as if typed: a call the channel may not make is not made.
/// </summary>
internal sealed class CommandExecution(IChatCredentials credentials, IAwsInvoker invoker, ChatHandlerOptions options, TimeProvider time)
{
    /// <summary>The error code of a shortcut's further call that the channel's policies deny.</summary>
    public const string DeniedCode = "AccessDenied";

    public async Task<AwsResult> RunAsync(AwsCall call, RoleSession session, IChatShortcut? shortcut, Func<AwsCall, CancellationToken, Task<string?>> followUpDenial,
        Func<Task> onStillRunning, CancellationToken cancellationToken)
    {
        using var limit = new CancellationTokenSource(options.MaxRunTime, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        try
        {
            var assumed = await credentials.AssumeAsync(session, linked.Token).ConfigureAwait(false);
            if (assumed is AssumeRoleResult.Refused refused)
            {
                return new AwsResult.Failure(refused.Error,
                    $"Crowsnest could not assume the role {session.RoleArn}: {refused.Error.Message} Check the role's trust policy.");
            }
            var assumedCredentials = ((AssumeRoleResult.Assumed)assumed).Credentials;
            var running = shortcut is null
                ? invoker.InvokeAsync(call, assumedCredentials, linked.Token)
                : shortcut.ExecuteAsync(call, async (next, ct) => ReferenceEquals(next, call) || await followUpDenial(next, ct).ConfigureAwait(false) is not { } denied
                    ? await invoker.InvokeAsync(next, assumedCredentials, ct).ConfigureAwait(false)
                    : new AwsResult.Failure(new Aws.Protocols.AwsError(DeniedCode, denied, 0, null), denied), linked.Token);
            using var notice = CancellationTokenSource.CreateLinkedTokenSource(linked.Token);
            var delay = Task.Delay(options.StillRunningAfter, time, notice.Token);
            if (await Task.WhenAny(running, delay).ConfigureAwait(false) != running)
            {
                await onStillRunning().ConfigureAwait(false);
            }
            await notice.CancelAsync().ConfigureAwait(false);
            return await running.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var error = new Aws.Protocols.AwsError("RequestTimeout", $"No answer within the server's maximum of {options.MaxRunTime.TotalSeconds:0} s.", 0, null);
            return new AwsResult.Failure(error, error.Message);
        }
    }
}
