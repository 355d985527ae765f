using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Crowsnest.Host.Hosting;

/// <summary>Checks the SNS and SQS intake settings; every problem names its setting.</summary>
internal static class IntakeSettingsValidator
{
    public static void Validate(CrowsnestSettings settings, List<string> errors)
    {
        var sns = settings.Sns;
        if (!string.IsNullOrWhiteSpace(sns.PinnedCertificates) && !Directory.Exists(sns.PinnedCertificates))
        {
            errors.Add($"Sns:PinnedCertificates: folder '{sns.PinnedCertificates}' does not exist.");
        }
        for (var i = 0; i < sns.TrustedCertificateHosts.Count; i++)
        {
            var host = sns.TrustedCertificateHosts[i];
            if (Uri.CheckHostName(host.Split(':')[0]) != UriHostNameType.Dns || host.Count(c => c == ':') > 1
                || (host.Contains(':', StringComparison.Ordinal) && !int.TryParse(host.Split(':')[1], out _)))
            {
                errors.Add($"Sns:TrustedCertificateHosts:{i}: '{host}' is not a host name or host:port (IP addresses are not accepted).");
            }
        }
        ValidateAuthority(sns, errors);
        if (sns.MaxMessageAge < TimeSpan.Zero)
        {
            errors.Add("Sns:MaxMessageAge: must not be negative (0 turns the replay window off).");
        }
        for (var i = 0; i < settings.Sqs.Queues.Count; i++)
        {
            ValidateQueue(settings.Sqs.Queues[i], $"Sqs:Queues:{i}", errors);
        }
    }

    public static X509Certificate2? LoadAuthority(SnsSettings sns) =>
        string.IsNullOrWhiteSpace(sns.TrustedCertificateAuthority) ? null : X509Certificate2.CreateFromPem(File.ReadAllText(sns.TrustedCertificateAuthority));

    private static void ValidateAuthority(SnsSettings sns, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(sns.TrustedCertificateAuthority))
        {
            return;
        }
        if (sns.TrustedCertificateHosts.Count == 0)
        {
            errors.Add("Sns:TrustedCertificateAuthority: set only together with Sns:TrustedCertificateHosts (the CA is trusted for those hosts alone).");
        }
        try
        {
            using var ca = LoadAuthority(sns);
        }
        catch (Exception e) when (e is CryptographicException or IOException or UnauthorizedAccessException)
        {
            errors.Add($"Sns:TrustedCertificateAuthority: '{sns.TrustedCertificateAuthority}' is not a readable PEM certificate.");
        }
    }

    private static void ValidateQueue(SqsQueueSettings queue, string key, List<string> errors)
    {
        if (!Uri.TryCreate(queue.QueueUrl, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            errors.Add($"{key}:QueueUrl: '{queue.QueueUrl}' is not a queue URL.");
        }
        if (string.IsNullOrWhiteSpace(queue.Region))
        {
            errors.Add($"{key}:Region: required (e.g. us-east-1).");
        }
        if (queue.RoleArn is { } role && !role.StartsWith("arn:", StringComparison.Ordinal))
        {
            errors.Add($"{key}:RoleArn: '{role}' is not an ARN.");
        }
        foreach (var (name, value) in new[] { ("ServiceUrl", queue.ServiceUrl), ("StsServiceUrl", queue.StsServiceUrl) })
        {
            if (value is not null && !Uri.TryCreate(value, UriKind.Absolute, out _))
            {
                errors.Add($"{key}:{name}: '{value}' is not a URL.");
            }
        }
        if (queue.WaitTimeSeconds is < 0 or > 20)
        {
            errors.Add($"{key}:WaitTimeSeconds: {queue.WaitTimeSeconds} must be between 0 and 20.");
        }
        if (queue.MaxMessages is < 1 or > 10)
        {
            errors.Add($"{key}:MaxMessages: {queue.MaxMessages} must be between 1 and 10.");
        }
    }
}
