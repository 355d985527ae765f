using System.Text;
using System.Text.RegularExpressions;

namespace Crowsnest.Notifications.Ingest.Sns;

/// <summary>Confirms a subscription by visiting its <c>SubscribeURL</c>, after the same URL checks as certificates.</summary>
public sealed partial class SnsSubscriptionConfirmer(SnsUrlPolicy policy, SnsHttpClient http)
{
    private const int MaxAnswerBytes = 64 * 1024;

    /// <summary>Visits the URL; the subscription ARN SNS answered, or why the visit failed.</summary>
    public async Task<ConfirmationVisit> ConfirmAsync(string subscribeUrl, CancellationToken cancellationToken)
    {
        var check = policy.CheckSubscribeUrl(subscribeUrl);
        if (check.Uri is null)
        {
            return new ConfirmationVisit(false, null, check.Reason, Refused: true);
        }

        var answer = await http.GetAsync(check.Uri, MaxAnswerBytes, cancellationToken);
        if (answer.Body is null)
        {
            return new ConfirmationVisit(false, null, answer.Error, Refused: false);
        }

        var arn = SubscriptionArn().Match(Encoding.UTF8.GetString(answer.Body));
        return new ConfirmationVisit(true, arn.Success ? arn.Groups[1].Value : null, null, Refused: false);
    }

    [GeneratedRegex("<SubscriptionArn>([^<]{1,1024})</SubscriptionArn>", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex SubscriptionArn();
}

/// <summary>The outcome of a confirmation visit.</summary>
/// <param name="Confirmed">True when SNS answered 2xx.</param>
/// <param name="SubscriptionArn">The ARN from SNS's answer, when it held one.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="Refused">True when the URL itself is unacceptable (not worth retrying).</param>
public sealed record ConfirmationVisit(bool Confirmed, string? SubscriptionArn, string? Error, bool Refused);
