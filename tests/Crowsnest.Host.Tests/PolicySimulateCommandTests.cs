namespace Crowsnest.Host.Tests;

/// <summary><c>crowsnest policy simulate</c> through the real executable: first line, reason and exit code.</summary>
public sealed class PolicySimulateCommandTests
{
    private const string AllowEverything = """{"Version":"2012-10-17","Statement":[{"Sid":"Everything","Effect":"Allow","Action":"*","Resource":"*"}]}""";

    [Fact]
    public async Task A_read_allowed_by_the_role_and_the_ReadOnly_guardrail_is_allowed()
    {
        var (exit, lines) = await SimulateAsync("ReadOnly", "cloudwatch", "describe-alarms");

        Assert.Equal(0, exit);
        Assert.Equal("allowed", lines[0]);
        Assert.Contains("Everything", lines[1], StringComparison.Ordinal);
        Assert.Contains("cloudwatch:DescribeAlarms", string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_write_is_denied_by_the_ReadOnly_guardrail_template_even_when_the_role_allows_it()
    {
        var (exit, lines) = await SimulateAsync("ReadOnly", "cloudwatch", "put-metric-alarm", "--alarm-name", "HighCpu", "--metric-name", "CPUUtilization",
            "--namespace", "AWS/EC2", "--statistic", "Average", "--period", "60", "--evaluation-periods", "1", "--threshold", "80",
            "--comparison-operator", "GreaterThanThreshold");

        Assert.Equal(1, exit);
        Assert.Equal("denied", lines[0]);
        Assert.Contains("guardrail", lines[1], StringComparison.OrdinalIgnoreCase);
        Assert.Contains("arn:aws:cloudwatch:us-east-1:123456789012:alarm:HighCpu", string.Join('\n', lines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_IAM_operation_is_blocked_whatever_the_policies_say()
    {
        var (exit, lines) = await SimulateAsync("AdministratorAccess", "iam", "list-users");

        Assert.Equal(1, exit);
        Assert.Equal("denied", lines[0]);
        Assert.Contains("Blocked", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_that_does_not_parse_is_invalid_input()
    {
        var (exit, lines) = await SimulateAsync("ReadOnly", "cloudwatch", "describe-alarmz");

        Assert.Equal(2, exit);
        Assert.Equal("invalid", lines[0]);
        Assert.Contains("describe-alarmz", lines[1], StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string[] Lines)> SimulateAsync(string guardrail, params string[] command)
    {
        var directory = TestHost.NewDataDirectory();
        Directory.CreateDirectory(directory);
        var rolePolicy = Path.Combine(directory, "channel-role.json");
        await File.WriteAllTextAsync(rolePolicy, AllowEverything);
        await using var crowsnest = CrowsnestProcess.Start(directory, ["policy", "simulate", "--role-policy", rolePolicy, "--guardrail", guardrail, "--", .. command]);
        var exit = await crowsnest.WaitForExitAsync(TimeSpan.FromSeconds(120));
        return (exit, crowsnest.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
    }
}
