using Crowsnest.Aws.Credentials;
using Crowsnest.Commands.Execute;
using Crowsnest.Commands.Parse;

namespace Crowsnest.Commands.Chat;

/// <summary>
/// Runs one authorized call: assumes the role, invokes, and when the call outlives
/// <see cref="ChatHandlerOptions.StillRunningAfter"/> calls <c>onStillRunning</c> once and keeps waiting, up to
/// <see cref="ChatHandlerOptions.MaxRunTime"/>.
/// </summary>
internal sealed class CommandExecution(IChatCredentials credentials, IAwsInvoker invoker, ChatHandlerOptions options, TimeProvider time)
{
    public async Task<AwsResult> RunAsync(AwsCall call, RoleSession session, Func<Task> onStillRunning, CancellationToken cancellationToken)
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
            var running = invoker.InvokeAsync(call, ((AssumeRoleResult.Assumed)assumed).Credentials, linked.Token);
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
