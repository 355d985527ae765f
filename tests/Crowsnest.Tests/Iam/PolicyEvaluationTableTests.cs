using Crowsnest.Iam;
using static Crowsnest.Iam.EvaluationOutcome;

namespace Crowsnest.Tests.Iam;

/// <summary>
/// Decision table for one policy set. Statements are written with ` for " to keep rows short. Each row's first column
/// is the IAM rule (user guide: policy evaluation logic, policy elements, condition operators, variables) that fixes
/// the expected answer.
/// </summary>
public class PolicyEvaluationTableTests
{
    private const string Q = "arn:aws:sqs:us-east-1:123456789012:";

    public static TheoryData<string, string, string, string, string, EvaluationOutcome> Rows => new()
    {
        // Order of evaluation
        { "An Allow whose Action and Resource match allows", "{`Effect`:`Allow`,`Action`:`cloudwatch:DescribeAlarms`,`Resource`:`*`}", "cloudwatch:DescribeAlarms", "*", "", Allow },
        { "No applicable statement: implicit deny is the default", "{`Effect`:`Allow`,`Action`:`cloudwatch:DescribeAlarms`,`Resource`:`*`}", "cloudwatch:PutMetricAlarm", "*", "", ImplicitDeny },
        { "An explicit Deny overrides any Allow", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`},{`Sid`:`NoPuts`,`Effect`:`Deny`,`Action`:`cloudwatch:Put*`,`Resource`:`*`}", "cloudwatch:PutMetricAlarm", "*", "", ExplicitDeny },
        { "A Deny never grants: a Deny-only policy leaves other actions implicitly denied", "{`Effect`:`Deny`,`Action`:`iam:*`,`Resource`:`*`}", "cloudwatch:DescribeAlarms", "*", "", ImplicitDeny },
        // Action matching
        { "Action prefix and name are case-insensitive", "{`Effect`:`Allow`,`Action`:`CloudWatch:describealarms`,`Resource`:`*`}", "cloudwatch:DescribeAlarms", "*", "", Allow },
        { "* in an action name matches any characters", "{`Effect`:`Allow`,`Action`:`cloudwatch:Describe*`,`Resource`:`*`}", "cloudwatch:DescribeAlarmHistory", "*", "", Allow },
        { "cloudwatch:Describe* does not cover Put actions", "{`Effect`:`Allow`,`Action`:`cloudwatch:Describe*`,`Resource`:`*`}", "cloudwatch:PutMetricAlarm", "*", "", ImplicitDeny },
        { "* can appear anywhere in the name (iam:*AccessKey*)", "{`Effect`:`Allow`,`Action`:`iam:*AccessKey*`,`Resource`:`*`}", "iam:ListAccessKeys", "*", "", Allow },
        { "Action * matches every action", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`}", "lambda:InvokeFunction", "*", "", Allow },
        { "An action list matches if any entry matches", "{`Effect`:`Allow`,`Action`:[`sqs:SendMessage`,`sns:Publish`],`Resource`:`*`}", "sns:Publish", "*", "", Allow },
        // Resource matching
        { "Resource ARNs are matched case-sensitively", "{`Effect`:`Allow`,`Action`:`s3:*`,`Resource`:`arn:aws:s3:::MyBucket`}", "s3:ListBucket", "arn:aws:s3:::mybucket", "", ImplicitDeny },
        { "? matches exactly one character in a resource", "{`Effect`:`Allow`,`Action`:`sqs:*`,`Resource`:`" + Q + "queue-?`}", "sqs:SendMessage", Q + "queue-1", "", Allow },
        { "? does not match two characters", "{`Effect`:`Allow`,`Action`:`sqs:*`,`Resource`:`" + Q + "queue-?`}", "sqs:SendMessage", Q + "queue-10", "", ImplicitDeny },
        { "* in the resource part crosses /", "{`Effect`:`Allow`,`Action`:`s3:PutObject`,`Resource`:`arn:aws:s3:::bkt/*`}", "s3:PutObject", "arn:aws:s3:::bkt/a/b/c.txt", "", Allow },
        { "* works inside the region segment", "{`Effect`:`Allow`,`Action`:`lambda:InvokeFunction`,`Resource`:`arn:aws:lambda:*:123456789012:function:ops-*`}", "lambda:InvokeFunction", "arn:aws:lambda:eu-west-1:123456789012:function:ops-restart", "", Allow },
        { "Segments are compared one by one: another account does not match", "{`Effect`:`Allow`,`Action`:`lambda:InvokeFunction`,`Resource`:`arn:aws:lambda:*:123456789012:function:*`}", "lambda:InvokeFunction", "arn:aws:lambda:eu-west-1:999999999999:function:ops", "", ImplicitDeny },
        { "Per-segment matching: the finance/* example does not match across segments", "{`Effect`:`Allow`,`Action`:`svc:Do`,`Resource`:`arn:aws:svc:*:111122223333:finance/*`}", "svc:Do", "arn:aws:svc:us-east-1:999999999999:store/abc:111122223333:finance/x", "", ImplicitDeny },
        { "A call without resource-level permissions is only matched by Resource *", "{`Effect`:`Allow`,`Action`:`sqs:*`,`Resource`:`" + Q + "*`}", "sqs:ListQueues", "*", "", ImplicitDeny },
        // NotAction / NotResource
        { "Allow + NotAction grants every other action", "{`Effect`:`Allow`,`NotAction`:`iam:*`,`Resource`:`*`}", "cloudwatch:PutMetricAlarm", "*", "", Allow },
        { "Allow + NotAction does not grant the listed actions", "{`Effect`:`Allow`,`NotAction`:`iam:*`,`Resource`:`*`}", "iam:CreateUser", "*", "", ImplicitDeny },
        { "Deny + NotAction denies every other action", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`},{`Effect`:`Deny`,`NotAction`:`cloudwatch:*`,`Resource`:`*`}", "ec2:TerminateInstances", "*", "", ExplicitDeny },
        { "Deny + NotAction grants nothing; the listed action falls to the Allow", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`},{`Effect`:`Deny`,`NotAction`:`cloudwatch:*`,`Resource`:`*`}", "cloudwatch:DescribeAlarms", "*", "", Allow },
        { "Allow + NotResource applies to every other resource", "{`Effect`:`Allow`,`Action`:`s3:PutObject`,`NotResource`:`arn:aws:s3:::secret/*`}", "s3:PutObject", "arn:aws:s3:::public/x", "", Allow },
        { "Allow + NotResource excludes the listed resources", "{`Effect`:`Allow`,`Action`:`s3:PutObject`,`NotResource`:`arn:aws:s3:::secret/*`}", "s3:PutObject", "arn:aws:s3:::secret/x", "", ImplicitDeny },
        { "Deny + NotResource denies everything outside the list", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`},{`Effect`:`Deny`,`Action`:`s3:*`,`NotResource`:`arn:aws:s3:::ok/*`}", "s3:PutObject", "arn:aws:s3:::other/x", "", ExplicitDeny },
        { "NotResource applies only to the statement's actions", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`},{`Effect`:`Deny`,`Action`:`s3:*`,`NotResource`:`arn:aws:s3:::ok/*`}", "sqs:SendMessage", Q + "x", "", Allow },
        // String operators
        { "StringEquals matches the exact value", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringEquals`:{`aws:RequestedRegion`:`eu-west-1`}}}", "ec2:DescribeInstances", "*", "aws:RequestedRegion=eu-west-1", Allow },
        { "StringEquals fails on another value", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringEquals`:{`aws:RequestedRegion`:`eu-west-1`}}}", "ec2:DescribeInstances", "*", "aws:RequestedRegion=us-east-1", ImplicitDeny },
        { "A positive operator is false when the key is missing", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringEquals`:{`aws:RequestedRegion`:`eu-west-1`}}}", "ec2:DescribeInstances", "*", "", ImplicitDeny },
        { "StringEquals is case-sensitive", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringEquals`:{`aws:PrincipalTag/team`:`Ops`}}}", "ec2:DescribeInstances", "*", "aws:PrincipalTag/team=ops", ImplicitDeny },
        { "StringEqualsIgnoreCase ignores case", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringEqualsIgnoreCase`:{`aws:PrincipalTag/team`:`Ops`}}}", "ec2:DescribeInstances", "*", "aws:PrincipalTag/team=ops", Allow },
        { "Condition key names are case-insensitive", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringEquals`:{`AWS:requestedregion`:`eu-west-1`}}}", "ec2:DescribeInstances", "*", "aws:RequestedRegion=eu-west-1", Allow },
        { "Several values for one key are OR-ed", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringEquals`:{`aws:RequestedRegion`:[`eu-west-1`,`eu-central-1`]}}}", "ec2:DescribeInstances", "*", "aws:RequestedRegion=eu-central-1", Allow },
        { "Several keys under one operator are AND-ed", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringEquals`:{`aws:RequestedRegion`:`eu-west-1`,`aws:PrincipalTag/team`:`ops`}}}", "ec2:DescribeInstances", "*", "aws:RequestedRegion=eu-west-1; aws:PrincipalTag/team=dev", ImplicitDeny },
        { "Several operators are AND-ed", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringEquals`:{`aws:RequestedRegion`:`eu-west-1`},`Bool`:{`aws:SecureTransport`:`true`}}}", "ec2:DescribeInstances", "*", "aws:RequestedRegion=eu-west-1; aws:SecureTransport=true", Allow },
        { "StringNotEquals matches another value", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringNotEquals`:{`aws:RequestedRegion`:`us-east-1`}}}", "ec2:DescribeInstances", "*", "aws:RequestedRegion=eu-west-1", Allow },
        { "A negated operator is true when the key is missing", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringNotEquals`:{`aws:RequestedRegion`:`us-east-1`}}}", "ec2:DescribeInstances", "*", "", Allow },
        { "A negated operator with several values: none may match", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringNotEquals`:{`aws:RequestedRegion`:[`us-east-1`,`eu-west-1`]}}}", "ec2:DescribeInstances", "*", "aws:RequestedRegion=eu-west-1", ImplicitDeny },
        { "StringLike supports * wildcards", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringLike`:{`aws:PrincipalTag/team`:`ops-*`}}}", "ec2:DescribeInstances", "*", "aws:PrincipalTag/team=ops-east", Allow },
        { "StringLike supports ? wildcards", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringLike`:{`aws:PrincipalTag/team`:`ops-?`}}}", "ec2:DescribeInstances", "*", "aws:PrincipalTag/team=ops-east", ImplicitDeny },
        { "StringNotLike is the negation of StringLike", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringNotLike`:{`aws:PrincipalTag/team`:`ops-*`}}}", "ec2:DescribeInstances", "*", "aws:PrincipalTag/team=ops-east", ImplicitDeny },
        { "Wildcards work only in the Like forms: StringEquals compares * literally", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringEquals`:{`aws:PrincipalTag/team`:`ops-*`}}}", "ec2:DescribeInstances", "*", "aws:PrincipalTag/team=ops-east", ImplicitDeny },
        // Numeric
        { "NumericLessThan compares numbers", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`NumericLessThan`:{`aws:EpochTime`:`2000000000`}}}", "ec2:DescribeInstances", "*", "aws:EpochTime=1700000000", Allow },
        { "NumericGreaterThanEquals is false below the bound", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`NumericGreaterThanEquals`:{`aws:EpochTime`:`2000000000`}}}", "ec2:DescribeInstances", "*", "aws:EpochTime=1700000000", ImplicitDeny },
        { "NumericEquals accepts decimals (1.50 = 1.5)", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`NumericEquals`:{`svc:Size`:`1.50`}}}", "ec2:DescribeInstances", "*", "svc:Size=1.5", Allow },
        { "NumericNotEquals on a missing key is true (negated operator)", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`NumericNotEquals`:{`svc:Size`:`3`}}}", "ec2:DescribeInstances", "*", "", Allow },
        { "NumericLessThanEquals includes the bound", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`NumericLessThanEquals`:{`svc:Size`:`3`}}}", "ec2:DescribeInstances", "*", "svc:Size=3", Allow },
        // Date
        { "DateGreaterThan compares W3C dates", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`DateGreaterThan`:{`aws:CurrentTime`:`2020-01-01T00:00:00Z`}}}", "ec2:DescribeInstances", "*", "aws:CurrentTime=2024-05-01T10:00:00Z", Allow },
        { "DateLessThan is false after the date", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`DateLessThan`:{`aws:CurrentTime`:`2020-01-01`}}}", "ec2:DescribeInstances", "*", "aws:CurrentTime=2024-05-01T10:00:00Z", ImplicitDeny },
        { "Date operators accept epoch seconds in the policy", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`DateGreaterThanEquals`:{`aws:CurrentTime`:`1577836800`}}}", "ec2:DescribeInstances", "*", "aws:CurrentTime=2020-01-01T00:00:00Z", Allow },
        { "DateNotEquals is true for another instant", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`DateNotEquals`:{`aws:CurrentTime`:`2020-01-01T00:00:00Z`}}}", "ec2:DescribeInstances", "*", "aws:CurrentTime=2020-01-01T00:00:01Z", Allow },
        // Bool / Null
        { "Bool matches true", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`Bool`:{`aws:SecureTransport`:`true`}}}", "ec2:DescribeInstances", "*", "aws:SecureTransport=true", Allow },
        { "Bool is a positive operator: false when the key is missing", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`Bool`:{`aws:MultiFactorAuthPresent`:`true`}}}", "ec2:DescribeInstances", "*", "", ImplicitDeny },
        { "Deny with Bool false does not apply to a secure request", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`},{`Effect`:`Deny`,`Action`:`*`,`Resource`:`*`,`Condition`:{`Bool`:{`aws:SecureTransport`:false}}}", "ec2:DescribeInstances", "*", "aws:SecureTransport=true", Allow },
        { "Null true matches an absent key", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`Null`:{`aws:PrincipalTag/team`:`true`}}}", "ec2:DescribeInstances", "*", "", Allow },
        { "Null true does not match a present key", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`Null`:{`aws:PrincipalTag/team`:`true`}}}", "ec2:DescribeInstances", "*", "aws:PrincipalTag/team=ops", ImplicitDeny },
        { "Null false matches a present key", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`Null`:{`aws:PrincipalTag/team`:`false`}}}", "ec2:DescribeInstances", "*", "aws:PrincipalTag/team=ops", Allow },
        // IfExists
        { "…IfExists is true when the key is missing", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringEqualsIfExists`:{`aws:PrincipalTag/team`:`ops`}}}", "ec2:DescribeInstances", "*", "", Allow },
        { "…IfExists compares normally when the key is present", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringEqualsIfExists`:{`aws:PrincipalTag/team`:`ops`}}}", "ec2:DescribeInstances", "*", "aws:PrincipalTag/team=dev", ImplicitDeny },
        { "Deny + StringNotEqualsIfExists still denies when the tag is missing", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`},{`Effect`:`Deny`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringNotEqualsIfExists`:{`aws:PrincipalTag/team`:`ops`}}}", "ec2:DescribeInstances", "*", "", ExplicitDeny },
        { "NumericLessThanIfExists on a missing key is true", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`NumericLessThanIfExists`:{`svc:Size`:`3`}}}", "ec2:DescribeInstances", "*", "", Allow },
        // Binary
        { "BinaryEquals compares the base64 value", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`BinaryEquals`:{`svc:Blob`:`QmluYXJ5VmFsdWU=`}}}", "ec2:DescribeInstances", "*", "svc:Blob=QmluYXJ5VmFsdWU=", Allow },
        { "BinaryEquals fails on another value", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`BinaryEquals`:{`svc:Blob`:`QmluYXJ5VmFsdWU=`}}}", "ec2:DescribeInstances", "*", "svc:Blob=b3RoZXI=", ImplicitDeny },
        // IP
        { "IpAddress matches an address inside the CIDR", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`IpAddress`:{`aws:SourceIp`:`203.0.113.0/24`}}}", "ec2:DescribeInstances", "*", "aws:SourceIp=203.0.113.9", Allow },
        { "IpAddress does not match outside the CIDR", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`IpAddress`:{`aws:SourceIp`:`203.0.113.0/24`}}}", "ec2:DescribeInstances", "*", "aws:SourceIp=198.51.100.1", ImplicitDeny },
        { "A bare address in IpAddress means /32", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`IpAddress`:{`aws:SourceIp`:`203.0.113.9`}}}", "ec2:DescribeInstances", "*", "aws:SourceIp=203.0.113.10", ImplicitDeny },
        { "NotIpAddress matches outside the CIDR", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`NotIpAddress`:{`aws:SourceIp`:[`203.0.113.0/24`,`2001:db8::/32`]}}}", "ec2:DescribeInstances", "*", "aws:SourceIp=2001:db9::1", Allow },
        // ARN
        { "ArnLike matches per segment with wildcards", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`ArnLike`:{`aws:PrincipalArn`:`arn:aws:iam::*:role/chat-*`}}}", "ec2:DescribeInstances", "*", "aws:PrincipalArn=arn:aws:iam::123456789012:role/chat-ops", Allow },
        { "ArnEquals behaves like ArnLike (wildcards allowed)", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`ArnEquals`:{`aws:PrincipalArn`:`arn:aws:iam::*:role/chat-*`}}}", "ec2:DescribeInstances", "*", "aws:PrincipalArn=arn:aws:iam::123456789012:role/chat-ops", Allow },
        { "ArnLike does not match across segments (finance/* example)", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`ArnLike`:{`aws:SourceArn`:`arn:aws:svc:*:111122223333:finance/*`}}}", "ec2:DescribeInstances", "*", "aws:SourceArn=arn:aws:svc:us-east-1:999999999999:store/abc:111122223333:finance/x", ImplicitDeny },
        { "StringLike does match the same text across segments", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringLike`:{`aws:SourceArn`:`arn:aws:svc:*:111122223333:finance/*`}}}", "ec2:DescribeInstances", "*", "aws:SourceArn=arn:aws:svc:us-east-1:999999999999:store/abc:111122223333:finance/x", Allow },
        { "ArnNotLike is true for a non-matching ARN", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`ArnNotLike`:{`aws:ChatbotSourceArn`:`arn:aws:chatbot::*:chat-configuration/slack-channel/prod-*`}}}", "ec2:DescribeInstances", "*", "aws:ChatbotSourceArn=arn:aws:chatbot::123456789012:chat-configuration/slack-channel/dev", Allow },
        // Set operators
        { "ForAnyValue: one request value in the set is enough", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`ForAnyValue:StringEquals`:{`aws:TagKeys`:[`env`,`team`]}}}", "ec2:CreateTags", "*", "aws:TagKeys=[team,cost]", Allow },
        { "ForAnyValue: no request value in the set", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`ForAnyValue:StringEquals`:{`aws:TagKeys`:[`env`,`team`]}}}", "ec2:CreateTags", "*", "aws:TagKeys=[cost]", ImplicitDeny },
        { "ForAnyValue on a missing key is false", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`ForAnyValue:StringEquals`:{`aws:TagKeys`:[`env`,`team`]}}}", "ec2:CreateTags", "*", "", ImplicitDeny },
        { "ForAllValues: every request value must be in the set", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`ForAllValues:StringEquals`:{`aws:TagKeys`:[`env`,`team`]}}}", "ec2:CreateTags", "*", "aws:TagKeys=[env]", Allow },
        { "ForAllValues: one value outside the set fails", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`ForAllValues:StringEquals`:{`aws:TagKeys`:[`env`,`team`]}}}", "ec2:CreateTags", "*", "aws:TagKeys=[env,cost]", ImplicitDeny },
        { "ForAllValues on a missing or empty key is true", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`ForAllValues:StringEquals`:{`aws:TagKeys`:[`env`,`team`]}}}", "ec2:CreateTags", "*", "aws:TagKeys=[]", Allow },
        { "ForAllValues:StringLike applies wildcards to each value", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`ForAllValues:StringLike`:{`aws:TagKeys`:`team-*`}}}", "ec2:CreateTags", "*", "aws:TagKeys=[team-a,team-b]", Allow },
        { "ForAnyValue:StringNotEquals: some value is outside the set", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`ForAnyValue:StringNotEquals`:{`aws:TagKeys`:[`env`]}}}", "ec2:CreateTags", "*", "aws:TagKeys=[env,cost]", Allow },
        // Policy variables
        { "A variable in Resource takes the request's value", "{`Effect`:`Allow`,`Action`:`s3:*`,`Resource`:`arn:aws:s3:::home/${aws:username}/*`}", "s3:PutObject", "arn:aws:s3:::home/alice/notes", "aws:username=alice", Allow },
        { "A variable in Resource does not match another user's path", "{`Effect`:`Allow`,`Action`:`s3:*`,`Resource`:`arn:aws:s3:::home/${aws:username}/*`}", "s3:PutObject", "arn:aws:s3:::home/bob/notes", "aws:username=alice", ImplicitDeny },
        { "A variable with no value in Resource matches nothing (role sessions have no aws:username)", "{`Effect`:`Allow`,`Action`:`s3:*`,`Resource`:`arn:aws:s3:::home/${aws:username}/*`}", "s3:PutObject", "arn:aws:s3:::home//notes", "", ImplicitDeny },
        { "Variable names are case-insensitive", "{`Effect`:`Allow`,`Action`:`s3:*`,`Resource`:`arn:aws:s3:::home/${AWS:UserName}/*`}", "s3:PutObject", "arn:aws:s3:::home/alice/notes", "aws:username=alice", Allow },
        { "A variable's default value is used when the key is missing", "{`Effect`:`Allow`,`Action`:`s3:*`,`Resource`:`arn:aws:s3:::team-${aws:PrincipalTag/team, 'shared'}/*`}", "s3:PutObject", "arn:aws:s3:::team-shared/x", "", Allow },
        { "${*} is a literal asterisk, not a wildcard", "{`Effect`:`Allow`,`Action`:`s3:*`,`Resource`:`arn:aws:s3:::b/star${*}`}", "s3:PutObject", "arn:aws:s3:::b/starX", "", ImplicitDeny },
        { "${*} matches a literal asterisk", "{`Effect`:`Allow`,`Action`:`s3:*`,`Resource`:`arn:aws:s3:::b/star${*}`}", "s3:PutObject", "arn:aws:s3:::b/star*", "", Allow },
        { "Variables in condition values: Equals matches the request's own tag", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringEquals`:{`aws:ResourceTag/team`:`${aws:PrincipalTag/team}`}}}", "ec2:StopInstances", "*", "aws:ResourceTag/team=ops; aws:PrincipalTag/team=ops", Allow },
        { "A variable with no value: Equals does not match", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringEquals`:{`aws:ResourceTag/team`:`${aws:PrincipalTag/team}`}}}", "ec2:StopInstances", "*", "aws:ResourceTag/team=ops", ImplicitDeny },
        { "A variable with no value: Not… operators match", "{`Effect`:`Allow`,`Action`:`*`,`Resource`:`*`,`Condition`:{`StringNotEquals`:{`aws:ResourceTag/team`:`${aws:PrincipalTag/team}`}}}", "ec2:StopInstances", "*", "aws:ResourceTag/team=ops", Allow },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Evaluates_as_IAM_documents(string rule, string statements, string action, string resource, string context, EvaluationOutcome expected)
    {
        var set = PolicyTestKit.Set("role", PolicyTestKit.Policy(statements.Replace('`', '"')));

        var result = set.Evaluate(action, resource, PolicyTestKit.Context(context));

        Assert.True(expected == result.Outcome, $"{rule}: expected {expected}, got {result.Outcome}");
    }

    [Fact]
    public void Under_version_2008_10_17_a_variable_is_literal_text()
    {
        // IAM user guide (variables): without Version 2012-10-17, ${…} is treated as a literal string.
        var set = PolicyTestKit.Set("role", PolicyTestKit.Policy("""{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::home/${aws:username}/*"}""", "2008-10-17"));
        var context = PolicyTestKit.Context("aws:username=alice");

        Assert.Equal(EvaluationOutcome.Allow, set.Evaluate("s3:PutObject", "arn:aws:s3:::home/${aws:username}/x", context).Outcome);
        Assert.Equal(EvaluationOutcome.ImplicitDeny, set.Evaluate("s3:PutObject", "arn:aws:s3:::home/alice/x", context).Outcome);
    }

    [Fact]
    public void The_deciding_statement_is_the_first_applicable_Deny_even_after_an_Allow()
    {
        var set = PolicyTestKit.Set("role",
            PolicyTestKit.Policy("""{"Sid":"All","Effect":"Allow","Action":"*","Resource":"*"}"""),
            PolicyTestKit.Policy("""{"Sid":"Reads","Effect":"Allow","Action":"cloudwatch:Get*","Resource":"*"},{"Effect":"Deny","Action":"cloudwatch:*","Resource":"*"}"""));

        var result = set.Evaluate("cloudwatch:GetMetricData", "*", new RequestContext());

        Assert.Equal(EvaluationOutcome.ExplicitDeny, result.Outcome);
        Assert.Equal("role-policy1", result.Policy!.Name);
        Assert.Equal("#1", result.Statement!.Label);
    }

    [Fact]
    public void Every_resource_of_a_call_must_be_allowed()
    {
        // IAM authorizes each resource the request names; one resource that nothing allows denies the call.
        var set = PolicyTestKit.Set("role", PolicyTestKit.Policy("""{"Effect":"Allow","Action":"cloudwatch:*","Resource":"arn:aws:cloudwatch:*:*:alarm:ops-*"}"""));
        string[] resources = ["arn:aws:cloudwatch:us-east-1:1:alarm:ops-cpu", "arn:aws:cloudwatch:us-east-1:1:alarm:billing"];

        var result = set.Evaluate("cloudwatch:DeleteAlarms", resources, new RequestContext());

        Assert.Equal(EvaluationOutcome.ImplicitDeny, result.Outcome);
        Assert.Equal(resources[1], result.Resource);
    }

    [Fact]
    public void Repeated_actions_get_the_same_answers_from_the_action_cache()
    {
        var set = PolicyTestKit.Set("role", PolicyTestKit.Policy("""{"Effect":"Allow","Action":"cloudwatch:Describe*","Resource":"arn:aws:cloudwatch:*:*:alarm:ops-*"}"""));
        var context = new RequestContext();

        for (var round = 0; round < 3; round++)
        {
            Assert.True(set.Evaluate("cloudwatch:DescribeAlarms", "arn:aws:cloudwatch:us-east-1:1:alarm:ops-a", context).IsAllowed);
            Assert.True(set.Evaluate("CLOUDWATCH:describealarms", "arn:aws:cloudwatch:us-east-1:1:alarm:ops-b", context).IsAllowed);
            Assert.False(set.Evaluate("cloudwatch:DescribeAlarms", "arn:aws:cloudwatch:us-east-1:1:alarm:billing", context).IsAllowed);
            Assert.False(set.Evaluate("cloudwatch:PutMetricAlarm", "arn:aws:cloudwatch:us-east-1:1:alarm:ops-a", context).IsAllowed);
        }
    }
}
