namespace Crowsnest.Fuzz;

/// <summary>Well-formed IAM policies the policy fuzzer mutates.</summary>
internal static class PolicySeeds
{
    public static readonly string[] All =
    [
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["cloudwatch:Describe*","ec2:Describe*"],"Resource":"*"}]}""",
        """{"Version":"2012-10-17","Statement":{"Sid":"Deny","Effect":"Deny","NotAction":"s3:Get*","NotResource":["arn:aws:s3:::bkt/*"]}}""",
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:*","Resource":"arn:aws:sqs:*:123456789012:q-?","Condition":{"StringEquals":{"aws:RequestedRegion":["eu-west-1","us-east-1"]},"NumericLessThan":{"aws:EpochTime":"1800000000"}}}]}""",
        """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::home/${aws:username}/*","Condition":{"ForAnyValue:StringLike":{"aws:TagKeys":"te*"},"Null":{"aws:PrincipalTag/team":"true"},"IpAddress":{"aws:SourceIp":"10.0.0.0/8"},"DateLessThan":{"aws:CurrentTime":"2030-01-01T00:00:00Z"},"BoolIfExists":{"aws:SecureTransport":"true"}}}]}""",
    ];
}
