using Crowsnest.Iam;
using Crowsnest.Iam.Matching;

namespace Crowsnest.Tests.Iam.Matching;

public class PatternTests
{
    [Theory]
    [InlineData("*ab", "aab", true)]
    [InlineData("a*b*c", "axxbyyc", true)]
    [InlineData("a*b*c", "axxbyy", false)]
    [InlineData("*", "", true)]
    [InlineData("?", "", false)]
    [InlineData("a**", "a", true)]
    [InlineData("*a*a*a", "aaaa", true)]
    [InlineData("*a*a*a", "aabb", false)]
    [InlineData("ab?d*", "abcd", true)]
    [InlineData("ab?d*", "abd", false)]
    [InlineData("", "", true)]
    [InlineData("", "x", false)]
    [InlineData("abc", "ab", false)]
    [InlineData("ops-*-east", "ops-a-b-east", true)]
    public void Wildcards_match_like_IAM_globbing(string pattern, string text, bool expected)
    {
        Assert.Equal(expected, Pattern.Compile(pattern, wildcards: true, variables: false).Matches(text, StringComparison.Ordinal, null));
    }

    [Fact]
    public void Without_wildcards_star_and_question_mark_are_literal()
    {
        var pattern = Pattern.Compile("a*?", wildcards: false, variables: false);

        Assert.True(pattern.Matches("a*?", StringComparison.Ordinal, null));
        Assert.False(pattern.Matches("abc", StringComparison.Ordinal, null));
    }

    [Fact]
    public void Variables_read_the_context_and_escapes_stay_literal()
    {
        var context = new RequestContext().Set("aws:username", "alice").Set("aws:PrincipalTag/empty", "");
        var pattern = Pattern.Compile("home/${aws:username}/${$}{*}-${?}-*", wildcards: true, variables: true);

        Assert.True(pattern.Matches("home/alice/${*}-?-x", StringComparison.Ordinal, context));
        Assert.False(pattern.Matches("home/alice/${*}-Q-x", StringComparison.Ordinal, context));
        Assert.True(Pattern.Compile("a${aws:PrincipalTag/empty}b", wildcards: true, variables: true).Matches("ab", StringComparison.Ordinal, context));
        Assert.True(Pattern.Compile("x*${aws:PrincipalTag/empty}", wildcards: true, variables: true).Matches("xyz", StringComparison.Ordinal, context));
        Assert.False(Pattern.Compile("*${aws:PrincipalTag/none}", wildcards: true, variables: true).Matches("anything", StringComparison.Ordinal, context));
    }

    [Theory]
    [InlineData("arn:aws:s3:::bkt/*", "arn:aws:s3:::bkt/a:b/c", true)]
    [InlineData("arn:aws:logs:*:*:log-group:/aws/x:*", "arn:aws:logs:eu-west-1:1:log-group:/aws/x:*", true)]
    [InlineData("arn:aws:logs:*:*:log-group:/aws/x*", "arn:aws:logs:eu-west-1:1:log-group:/aws/x:*", true)]
    [InlineData("arn:aws:s3:::*", "arn:aws:s3:::", true)]
    [InlineData("arn:aws:s3:::*", "*", false)]
    [InlineData("arn:aws:s3:::*", "arn:aws:s3::", false)]
    [InlineData("arn:aws:*:*:*:*", "arn:aws:sqs:us-east-1:1:q", true)]
    [InlineData("arn:aws:sqs:*:1:q", "arn:aws-cn:sqs:cn-north-1:1:q", false)]
    public void Arns_match_segment_by_segment(string pattern, string arn, bool expected)
    {
        Assert.Equal(expected, ArnPattern.Compile(pattern, variables: false).Matches(arn, null));
    }
}
