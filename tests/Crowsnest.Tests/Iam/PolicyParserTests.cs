using Crowsnest.Iam;

namespace Crowsnest.Tests.Iam;

public class PolicyParserTests
{
    [Fact]
    public void A_policy_with_many_mistakes_is_refused_with_every_problem_listed()
    {
        const string json = """
            {
              "Version": "2012-10-18",
              "Extra": 1,
              "Statement": [
                { "Sid": "Dup", "Effect": "allow", "Action": "cloudwatch", "Resource": "bucket" },
                { "Sid": "Dup", "Effect": "Deny", "Action": "s3:*", "NotAction": "s3:Get*", "Resource": "*" },
                { "Effect": "Allow", "Action": "ec2:*", "Principal": "*" },
                { "Effect": "Allow", "Action": "ec2:*", "Resource": "*", "Condition": {
                    "StringEqual": { "aws:RequestedRegion": "eu-west-1" },
                    "NumericLessThan": { "svc:Size": "big" },
                    "DateGreaterThan": { "aws:CurrentTime": "yesterday" },
                    "Bool": { "aws:SecureTransport": "yes" },
                    "IpAddress": { "aws:SourceIp": "300.1.1.1" },
                    "ForAnyValue:Null": { "aws:TagKeys": "true" },
                    "StringLike": { "RequestedRegion": "eu-*" } } },
                "not a statement"
              ]
            }
            """;

        var result = PolicyParser.Parse(json);

        Assert.False(result.IsValid);
        Assert.Null(result.Document);
        string[] expected =
        [
            "Version: must be \"2012-10-17\" or \"2008-10-17\"",
            "Extra: unknown element",
            "Statement[0].Effect: must be \"Allow\" or \"Deny\"",
            "Statement[0].Action: \"cloudwatch\" is not an action",
            "Statement[0].Resource: \"bucket\" is not a resource",
            "Statement[1]: has both Action and NotAction",
            "Statement[2].Principal: is not allowed in an identity policy",
            "Statement[2]: needs Resource or NotResource",
            "Statement[3].Condition.StringEqual: unknown condition operator",
            "Statement[3].Condition.NumericLessThan.svc:Size: \"big\" is not a number",
            "Statement[3].Condition.DateGreaterThan.aws:CurrentTime: \"yesterday\" is not a W3C ISO 8601 date",
            "Statement[3].Condition.Bool.aws:SecureTransport: \"yes\" is not true or false",
            "Statement[3].Condition.IpAddress.aws:SourceIp: \"300.1.1.1\" is not an IP address",
            "Statement[3].Condition.ForAnyValue:Null: Null takes no ForAnyValue/ForAllValues prefix",
            "Statement[3].Condition.StringLike.RequestedRegion: a condition key has the form prefix:name",
            "Statement[4]: a statement must be a JSON object",
        ];
        var listed = result.Problems.Select(p => p.ToString()).ToList();
        foreach (var problem in expected)
        {
            Assert.Contains(listed, p => p.StartsWith(problem, StringComparison.Ordinal));
        }
        Assert.Equal(expected.Length, listed.Count);
    }

    [Fact]
    public void Duplicate_sids_are_reported_when_the_statements_are_otherwise_valid()
    {
        var result = PolicyParser.Parse(PolicyTestKit.Policy("""{"Sid":"A","Effect":"Allow","Action":"s3:*","Resource":"*"},{"Sid":"A","Effect":"Deny","Action":"s3:*","Resource":"*"}"""));

        var problem = Assert.Single(result.Problems);
        Assert.Contains("Sid \"A\" is used by more than one statement", problem.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "a policy must be a JSON object")]
    [InlineData("""{"Version":"2012-10-17"}""", "Statement: is required")]
    [InlineData("""{"Version":"2012-10-17","Statement":[]}""", "Statement: must contain at least one statement")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":[],"Resource":"*"}}""", "Statement.Action: must not be an empty list")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"effect":"Allow","Action":"s3:*","Resource":"*"}}""", "did you mean \"Effect\"")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Sid":"has space","Effect":"Allow","Action":"s3:*","Resource":"*"}}""", "Statement.Sid: must be a string of ASCII letters and digits")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::${aws:username"}}""", "is not closed")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":[]}}}}""", "must not be an empty list")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:RequestedRegion":{"a":1}}}}}""", "values must be strings, numbers or booleans")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"NullIfExists":{"aws:TagKeys":"true"}}}}""", "unknown condition operator")]
    [InlineData("""{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"BinaryEquals":{"aws:x":"%%%"}}}}""", "is not base64")]
    public void A_single_problem_is_named(string json, string expected)
    {
        var result = PolicyParser.Parse(json);

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.ToString().Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Size_and_characters_follow_the_IAM_quotas()
    {
        var padding = new string('a', 6200);
        var json = PolicyTestKit.Policy($$"""{"Sid":"{{padding}}","Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::bücket{{'\u4e2d'}}"}""");

        var result = PolicyParser.Parse(json);

        Assert.Contains(result.Problems, p => p.Message.Contains("the limit is 6144", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Message.Contains("U+4E2D is not allowed", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Problems, p => p.Message.Contains("U+00FC", StringComparison.Ordinal));
    }

    [Fact]
    public void Whitespace_does_not_count_toward_the_size_limit()
    {
        var json = PolicyTestKit.Policy("""{"Effect":"Allow","Action":"s3:*","Resource":"*"}""") + new string(' ', 7000);

        Assert.True(PolicyParser.Parse(json).IsValid);
    }

    [Fact]
    public void A_valid_policy_keeps_its_statements_and_conditions()
    {
        var result = PolicyParser.Parse("""
            {"Version":"2012-10-17","Id":"p1","Statement":{"Sid":"One","Effect":"Deny","NotAction":["iam:*","sts:*"],"NotResource":"arn:aws:s3:::x/*",
             "Condition":{"ForAllValues:StringLikeIfExists":{"aws:TagKeys":["a*","b"]},"Bool":{"aws:SecureTransport":false},"NumericEquals":{"svc:N":3}}}}
            """);

        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        var statement = Assert.Single(result.Document.Statements);
        Assert.Equal(("One", PolicyEffect.Deny, true, true), (statement.Sid, statement.Effect, statement.IsNotAction, statement.IsNotResource));
        Assert.Equal(["iam:*", "sts:*"], statement.Actions);
        var like = statement.Conditions[0];
        Assert.Equal((ConditionOperator.StringLike, SetQualifier.ForAllValues, true), (like.Operator, like.Qualifier, like.IfExists));
        Assert.Equal(["false"], statement.Conditions[1].Values);
        Assert.Equal(["3"], statement.Conditions[2].Values);
    }

    [Fact]
    public void Every_built_in_template_parses()
    {
        foreach (var policy in PolicyTemplates.All.SelectMany(t => t.Policies).Where(p => p.Json is not null))
        {
            var result = PolicyParser.Parse(policy.Json!);
            Assert.True(result.IsValid, $"{policy.Name}: {string.Join("; ", result.Problems)}");
        }
    }
}
