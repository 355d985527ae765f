namespace Crowsnest.Iam;

/// <summary>The built-in templates, with the exact actions AWS Chatbot's documentation lists.</summary>
public static class PolicyTemplates
{
    private const string AwsPolicyArnPrefix = "arn:aws:iam::aws:policy/";

    /// <summary>The guardrail new configurations get from the CLI and console (AWS's own default is AdministratorAccess).</summary>
    public const string DefaultGuardrailKey = "ReadOnly";

    /// <summary>AWS managed AdministratorAccess: what AWS applies when a configuration names no guardrail.</summary>
    public static readonly TemplatePolicy AdministratorAccessPolicy = new("AdministratorAccess", AwsPolicyArnPrefix + "AdministratorAccess",
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""");

    /// <summary>AWS managed ReadOnlyAccess, answered by the read-only operation catalog.</summary>
    public static readonly TemplatePolicy ReadOnlyAccessPolicy = new("ReadOnlyAccess", AwsPolicyArnPrefix + "ReadOnlyAccess", null);

    /// <summary>AWS-Chatbot-ReadOnly-Commands-Policy: Deny-only; pairs with ReadOnlyAccess.</summary>
    public static readonly TemplatePolicy ReadOnlyCommandsPolicy = new("AWS-Chatbot-ReadOnly-Commands-Policy", null, """
        {"Version":"2012-10-17","Statement":[{"Sid":"DenyCredentialsAndSecrets","Effect":"Deny","Action":[
          "iam:*","kms:*","sts:*","cognito-idp:GetSigningCertificate","ec2:GetPasswordData","ecr:GetAuthorizationToken",
          "gamelift:RequestUploadCredentials","gamelift:GetInstanceAccess","lightsail:DownloadDefaultKeyPair",
          "lightsail:GetInstanceAccessDetails","lightsail:GetKeyPair","lightsail:GetKeyPairs","redshift:GetClusterCredentials",
          "s3:GetBucketPolicy","storagegateway:DescribeChapCredentials"],"Resource":"*"}]}
        """);

    /// <summary>Every template, in the console's order, then the AWS managed policies usable on their own.</summary>
    public static readonly IReadOnlyList<PolicyTemplate> All =
    [
        new("Notification", "Notification permissions",
            [new("AWS-Chatbot-NotificationsOnly-Policy", null, """
                {"Version":"2012-10-17","Statement":[{"Sid":"CloudWatchReads","Effect":"Allow","Action":["cloudwatch:Describe*","cloudwatch:Get*","cloudwatch:List*"],"Resource":"*"}]}
                """)],
            "AWS Chatbot admin guide, IAM policies page."),
        new("ReadOnly", "Read-only command permissions", [ReadOnlyAccessPolicy, ReadOnlyCommandsPolicy],
            "The Deny list from the permissions page (the IAM-policies page also denies ssm:*); ReadOnlyAccess is what the console attaches with it."),
        new("LambdaInvoke", "Lambda-invoke command permissions",
            [new("AWS-Chatbot-LambdaInvoke-Policy", null, """
                {"Version":"2012-10-17","Statement":[{"Sid":"InvokeFunctions","Effect":"Allow","Action":["lambda:invokeAsync","lambda:invokeFunction"],"Resource":"*"}]}
                """)],
            "AWS Chatbot admin guide, IAM policies page."),
        new("Support", "AWS Support command permissions",
            [new("AWSSupportAccess", AwsPolicyArnPrefix + "AWSSupportAccess", """
                {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"support:*","Resource":"*"}]}
                """)],
            "AWS managed AWSSupportAccess."),
        new("IncidentManager", "Incident Manager permissions",
            [new("AWS-Chatbot-IncidentManager-Policy", null, """
                {"Version":"2012-10-17","Statement":[{"Sid":"IncidentManager","Effect":"Allow","Action":"ssm-incidents:*","Resource":"*"}]}
                """)],
            "UNCONFIRMED: the guide does not show this template's JSON; ssm-incidents:* is what its protection policy grants."),
        new("ResourceExplorer", "Resource Explorer permissions",
            [new("AWSResourceExplorerReadOnlyAccess", AwsPolicyArnPrefix + "AWSResourceExplorerReadOnlyAccess", """
                {"Version":"2012-10-17","Statement":[{"Sid":"ResourceExplorerReadOnlyAccess","Effect":"Allow","Action":[
                  "resource-explorer-2:Get*","resource-explorer-2:List*","resource-explorer-2:Search","resource-explorer-2:BatchGetView",
                  "ec2:DescribeRegions","ram:ListResources","ram:GetResourceShares","organizations:DescribeOrganization"],"Resource":"*"}]}
                """)],
            "AWS managed AWSResourceExplorerReadOnlyAccess (v2)."),
        new("AdministratorAccess", "All actions permitted", [AdministratorAccessPolicy],
            "AWS managed AdministratorAccess; AWS's default guardrail when none is set."),
        new("ReadOnlyAccess", "ReadOnlyAccess", [ReadOnlyAccessPolicy],
            "AWS managed ReadOnlyAccess, built from the read-only operation catalog."),
    ];

    /// <summary>
    /// Finds a template by key, console name, policy name or AWS managed policy ARN (case-insensitive). A policy name or
    /// ARN of one policy inside a template yields a template of that policy alone.
    /// </summary>
    public static bool TryFind(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PolicyTemplate? template)
    {
        ArgumentNullException.ThrowIfNull(name);
        template = All.FirstOrDefault(t => string.Equals(t.Key, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(t.DisplayName, name, StringComparison.OrdinalIgnoreCase));
        if (template is not null)
        {
            return true;
        }
        var policy = All.SelectMany(t => t.Policies).FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(p.Arn, name, StringComparison.Ordinal)
            || (p.Arn is null && string.Equals(CustomerPolicyName(name), p.Name, StringComparison.Ordinal)));
        if (policy is not null)
        {
            template = new PolicyTemplate(policy.Name, policy.Name, [policy], "single built-in policy");
        }
        return template is not null;
    }

    // AWS Chatbot's console creates the templates AWS does not manage as customer-managed policies of the same name in
    // the account (the console and the API's list-guardrail-templates name them so): those ARNs mean the built-in text.
    private static string? CustomerPolicyName(string arn)
    {
        const string Marker = ":policy/";
        if (!arn.StartsWith("arn:aws", StringComparison.Ordinal) || arn.StartsWith(AwsPolicyArnPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var at = arn.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? null : arn[(arn.LastIndexOf('/') + 1)..];
    }
}
