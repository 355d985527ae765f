using Crowsnest.Commands.Chat.Shortcuts;
using Crowsnest.Commands.Chat.Shortcuts.ShowLogs;
using Crowsnest.Commands.Parse;

namespace Crowsnest.Tests.Commands.Chat.Shortcuts;

public class ShowLogsRequestTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 28, 0, 57, 0, TimeSpan.Zero);

    private static ShortcutParse<ShowLogsRequest> Parse(string text) => ShowLogsRequest.Parse(CommandTokenizer.Tokenize(text, out _)!.Skip(1).ToList());

    [Fact]
    public void The_command_text_a_button_carries_parses_back_to_the_same_request()
    {
        var request = new ShowLogsRequest("/aws/lambda/my fn", Start, Start.AddMinutes(3), true, "eu-west-1");
        Assert.Equal("show-logs '/aws/lambda/my fn' --start 2026-11-28T00:57:00Z --end 2026-11-28T01:00:00Z --region eu-west-1 --errors", request.ToCommandText());
        Assert.Equal(request, Parse(request.ToCommandText()).Request);
    }

    [Fact]
    public void Epoch_seconds_and_an_em_dash_are_accepted()
    {
        var parsed = Parse("show-logs /app \u2014start 1795827420 --end=1795827600").Request!;
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795827420), parsed.Start);
        Assert.False(parsed.ErrorsOnly);
        Assert.Null(parsed.Region);
    }

    [Theory]
    [InlineData("show-logs --start 2026-11-28T00:00:00Z --end 2026-11-28T01:00:00Z", "Name the log group.")]
    [InlineData("show-logs a b --start 2026-11-28T00:00:00Z --end 2026-11-28T01:00:00Z", "Name one log group.")]
    [InlineData("show-logs a --start yesterday --end 2026-11-28T01:00:00Z", "--start and --end need a time")]
    [InlineData("show-logs a --start 2026-11-28T02:00:00Z --end 2026-11-28T01:00:00Z", "--end must come after --start")]
    [InlineData("show-logs a --start 2026-10-01T00:00:00Z --end 2026-11-28T01:00:00Z", "at most 14 days")]
    [InlineData("show-logs a --start 2026-11-28T00:00:00Z --end 2026-11-28T01:00:00Z --limit 5", "Unknown option --limit")]
    [InlineData("show-logs a --start 2026-11-28T00:00:00Z --start 2026-11-28T00:10:00Z --end 2026-11-28T01:00:00Z", "--start is given twice")]
    public void Mistakes_are_explained_with_the_usage(string text, string expected)
    {
        var error = Parse(text).Error;
        Assert.NotNull(error);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains(ShowLogsRequest.Usage, error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_error_query_filters_error_exception_and_fail_and_both_keep_the_first_30_oldest_first()
    {
        Assert.Contains("filter @message like /(?i)(error|exception|fail)/", LogsInsightsQueries.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("filter", LogsInsightsQueries.All, StringComparison.Ordinal);
        Assert.All([LogsInsightsQueries.All, LogsInsightsQueries.Errors], q => Assert.EndsWith("| sort @timestamp asc | limit 30", q, StringComparison.Ordinal));
    }

    [Fact]
    public void The_console_link_carries_the_window_query_and_group_in_the_consoles_encoding()
    {
        var link = LogsInsightsLink.For(new ShowLogsRequest("/aws/lambda/orders", Start, Start.AddMinutes(3), false, "us-east-1"));
        Assert.Equal("https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:logs-insights$3FqueryDetail$3D~(end~'2026-11-28T01*3A00*3A00Z"
            + "~start~'2026-11-28T00*3A57*3A00Z~timeType~'ABSOLUTE~tz~'UTC~editorString~'fields*20*40timestamp*2C*20*40message*2C*20*40logStream*20*7C*20sort*20*40timestamp*20asc*20*7C*20limit*2030"
            + "~source~(~'*2Faws*2Flambda*2Forders))", link);
        Assert.Null(LogsInsightsLink.For(new ShowLogsRequest("/a", Start, Start.AddMinutes(3), false, null)));
    }
}
