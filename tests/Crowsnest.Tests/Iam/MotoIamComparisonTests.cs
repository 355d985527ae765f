using System.Net;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Amazon.SQS;
using Crowsnest.Iam;
using Crowsnest.Testing;

namespace Crowsnest.Tests.Iam;

/// <summary>
/// The same condition-free inline policies, attached to roles in moto with authentication on, give the same
/// allow/deny as Crowsnest's evaluator. moto evaluates the action (signing name + operation) and, for SQS queues and
/// S3 objects, the resource ARN; it ignores Condition and NotResource, so neither appears here.
/// </summary>
public sealed partial class MotoIamComparisonTests
{
    private const string Account = "123456789012";
    private const string QueueArn = "arn:aws:sqs:us-east-1:123456789012:";

    private static readonly Dictionary<string, string> RolePolicies = new()
    {
        ["sqs-scoped"] = """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"sqs:*","Resource":"arn:aws:sqs:us-east-1:123456789012:allowed-*"},
              {"Effect":"Allow","Action":["sqs:ListQueues","sqs:GetQueueUrl"],"Resource":"*"},
              {"Effect":"Deny","Action":"sqs:DeleteQueue","Resource":"*"},
              {"Effect":"Allow","NotAction":["s3:*","sqs:*"],"Resource":"*"}]}
            """,
        ["s3-objects"] = """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::bkt/*"},
              {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bkt/public/*"}]}
            """,
        ["deny-not-action"] = """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":"*","Resource":"*"},
              {"Effect":"Deny","NotAction":["sqs:List*","sqs:Get*"],"Resource":"*"}]}
            """,
    };

    private sealed record Case(string Role, string Action, string Resource, Func<Clients, Task> Call);

    private sealed record Clients(AmazonSQSClient Sqs, AmazonS3Client S3, AmazonDynamoDBClient Dynamo, string AllowedQueue, string OtherQueue);

    private static readonly Case[] Cases =
    [
        new("sqs-scoped", "sqs:ListQueues", "*", c => c.Sqs.ListQueuesAsync(new Amazon.SQS.Model.ListQueuesRequest())),
        new("sqs-scoped", "sqs:SendMessage", QueueArn + "allowed-q", c => c.Sqs.SendMessageAsync(c.AllowedQueue, "hi")),
        new("sqs-scoped", "sqs:SendMessage", QueueArn + "other-q", c => c.Sqs.SendMessageAsync(c.OtherQueue, "hi")),
        new("sqs-scoped", "sqs:DeleteQueue", QueueArn + "allowed-q", c => c.Sqs.DeleteQueueAsync(c.AllowedQueue)),
        new("sqs-scoped", "s3:ListBuckets", "*", c => c.S3.ListBucketsAsync(new ListBucketsRequest())),
        new("sqs-scoped", "dynamodb:ListTables", "*", c => c.Dynamo.ListTablesAsync(new Amazon.DynamoDBv2.Model.ListTablesRequest())),
        new("s3-objects", "s3:PutObject", "arn:aws:s3:::bkt/x/y", c => c.S3.PutObjectAsync(new PutObjectRequest { BucketName = "bkt", Key = "x/y", ContentBody = "1", UseChunkEncoding = false })),
        new("s3-objects", "s3:GetObject", "arn:aws:s3:::bkt/public/a", c => c.S3.GetObjectAsync("bkt", "public/a")),
        new("s3-objects", "s3:GetObject", "arn:aws:s3:::bkt/private/a", c => c.S3.GetObjectAsync("bkt", "private/a")),
        new("s3-objects", "s3:DeleteObject", "arn:aws:s3:::bkt/public/a", c => c.S3.DeleteObjectAsync("bkt", "public/a")),
        new("deny-not-action", "sqs:ListQueues", "*", c => c.Sqs.ListQueuesAsync(new Amazon.SQS.Model.ListQueuesRequest())),
        new("deny-not-action", "sqs:SendMessage", QueueArn + "allowed-q", c => c.Sqs.SendMessageAsync(c.AllowedQueue, "hi")),
        new("deny-not-action", "dynamodb:ListTables", "*", c => c.Dynamo.ListTablesAsync(new Amazon.DynamoDBv2.Model.ListTablesRequest())),
    ];

    [Fact]
    public async Task Moto_and_Crowsnest_agree_on_condition_free_policies()
    {
        // CreateUser, PutUserPolicy, CreateAccessKey, then CreateRole + PutRolePolicy per role run unauthenticated.
        await using var moto = await MotoServer.StartAsync(initialNoAuthActions: 3 + (2 * RolePolicies.Count));
        using var http = new HttpClient();
        var user = await CreateAdminUserAsync(http, moto.Url);
        foreach (var (role, policy) in RolePolicies)
        {
            await IamAsync(http, moto.Url, ("Action", "CreateRole"), ("RoleName", role), ("AssumeRolePolicyDocument",
                $$"""{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::{{Account}}:user/admin"},"Action":"sts:AssumeRole"}]}"""));
            await IamAsync(http, moto.Url, ("Action", "PutRolePolicy"), ("RoleName", role), ("PolicyName", "inline"), ("PolicyDocument", policy));
        }
        var admin = ClientsFor(user, moto.Url, "", "");
        var allowedQueue = (await admin.Sqs.CreateQueueAsync("allowed-q")).QueueUrl;
        var otherQueue = (await admin.Sqs.CreateQueueAsync("other-q")).QueueUrl;
        await admin.S3.PutBucketAsync("bkt");
        foreach (var key in new[] { "public/a", "private/a" })
        {
            await admin.S3.PutObjectAsync(new PutObjectRequest { BucketName = "bkt", Key = key, ContentBody = "x", UseChunkEncoding = false });
        }

        var results = new List<(Case Case, bool Moto, bool Crowsnest)>();
        foreach (var group in Cases.GroupBy(c => c.Role))
        {
            var session = await AssumeAsync(user, moto.Url, group.Key);
            var clients = ClientsFor(session, moto.Url, allowedQueue, otherQueue);
            var policies = PolicyTestKit.Set(group.Key, RolePolicies[group.Key]);
            foreach (var @case in group)
            {
                var motoAllowed = await AllowedByMotoAsync(() => @case.Call(clients));
                var ours = policies.Evaluate(@case.Action, @case.Resource, new RequestContext()).IsAllowed;
                results.Add((@case, motoAllowed, ours));
            }
        }

        var disagreements = results.Where(r => r.Moto != r.Crowsnest).Select(r => $"{r.Case.Role} {r.Case.Action} {r.Case.Resource}: moto {r.Moto}, Crowsnest {r.Crowsnest}");
        Assert.Empty(disagreements);
        Assert.Contains(results, r => r.Moto);
        Assert.Contains(results, r => !r.Moto);
    }

    private static async Task<bool> AllowedByMotoAsync(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (AmazonServiceException e) when (e.StatusCode == HttpStatusCode.Forbidden)
        {
            return false;
        }
    }

    private static async Task<AWSCredentials> CreateAdminUserAsync(HttpClient http, string url)
    {
        await IamAsync(http, url, ("Action", "CreateUser"), ("UserName", "admin"));
        await IamAsync(http, url, ("Action", "PutUserPolicy"), ("UserName", "admin"), ("PolicyName", "all"),
            ("PolicyDocument", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"""));
        var key = await IamAsync(http, url, ("Action", "CreateAccessKey"), ("UserName", "admin"));
        return new BasicAWSCredentials(AccessKeyId().Match(key).Groups[1].Value, SecretKey().Match(key).Groups[1].Value);
    }

    /// <summary>An IAM query call during moto's unauthenticated phase (the credential scope only routes it to IAM).</summary>
    private static async Task<string> IamAsync(HttpClient http, string url, params (string Name, string Value)[] fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url + "/")
        {
            Content = new FormUrlEncodedContent([.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("Version", "2010-05-08")]),
        };
        request.Headers.TryAddWithoutValidation("Authorization",
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=00");
        using var answer = await http.SendAsync(request);
        var body = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.IsSuccessStatusCode, body);
        return body;
    }

    private static async Task<AWSCredentials> AssumeAsync(AWSCredentials user, string url, string role)
    {
        using var sts = new AmazonSecurityTokenServiceClient(user, new AmazonSecurityTokenServiceConfig { ServiceURL = url, AuthenticationRegion = "us-east-1" });
        var answer = await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = $"arn:aws:iam::{Account}:role/{role}", RoleSessionName = "chatbot-session" });
        var c = answer.Credentials;
        return new SessionAWSCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken);
    }

    private static Clients ClientsFor(AWSCredentials credentials, string url, string allowedQueue, string otherQueue) => new(
        new AmazonSQSClient(credentials, new AmazonSQSConfig { ServiceURL = url, AuthenticationRegion = "us-east-1" }),
        new AmazonS3Client(credentials, new AmazonS3Config
        {
            ServiceURL = url,
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
        }),
        new AmazonDynamoDBClient(credentials, new AmazonDynamoDBConfig { ServiceURL = url, AuthenticationRegion = "us-east-1" }),
        allowedQueue,
        otherQueue);

    [GeneratedRegex("<AccessKeyId>(.*?)</AccessKeyId>")]
    private static partial Regex AccessKeyId();

    [GeneratedRegex("<SecretAccessKey>(.*?)</SecretAccessKey>")]
    private static partial Regex SecretKey();
}
