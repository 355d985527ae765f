using System.Text.Json.Nodes;
using Crowsnest.Commands.Execute.Output;

namespace Crowsnest.Tests.Commands.Execute.Output;

public class CliOutputTests
{
    private static readonly JsonObject Sample = new()
    {
        ["Reservations"] = new JsonArray(new JsonObject
        {
            ["ReservationId"] = "r-1",
            ["Instances"] = new JsonArray(new JsonObject
            {
                ["InstanceId"] = "i-1",
                ["EbsOptimized"] = false,
                ["State"] = new JsonObject { ["Code"] = 16L, ["Name"] = "running" },
                ["Tags"] = new JsonArray(new JsonObject { ["Key"] = "a", ["Value"] = "b" }),
            }),
        }),
    };

    [Fact]
    public void Json_is_indented_by_four_with_python_floats()
    {
        var json = CliJsonWriter.Write(new JsonObject { ["Threshold"] = 70.0, ["Period"] = 60L, ["Name"] = "é", ["Empty"] = new JsonArray() });
        Assert.Equal("{\n    \"Threshold\": 70.0,\n    \"Period\": 60,\n    \"Name\": \"é\",\n    \"Empty\": []\n}", json);
    }

    [Fact]
    public void Text_follows_the_cli_layout()
    {
        var text = CliTextWriter.Write(Sample);
        Assert.Equal("RESERVATIONS\tr-1\nINSTANCES\tFalse\ti-1\nSTATE\t16\trunning\nTAGS\ta\tb\n", text);
    }

    [Fact]
    public void Text_of_a_query_result_list()
    {
        Assert.Equal("a\tb\n", CliTextWriter.Write(new JsonArray("a", "b")));
        Assert.Equal("x\t1\nNone\t2\n", CliTextWriter.Write(new JsonArray(new JsonArray("x", 1L), new JsonArray(null, 2L))));
    }

    [Fact]
    public void Table_is_boxed_and_titled_with_the_operation()
    {
        var table = CliTableWriter.Write("DescribeInstances", Sample);
        var lines = table.TrimEnd('\n').Split('\n');
        Assert.Contains("DescribeInstances", lines[1], StringComparison.Ordinal);
        Assert.Single(lines.Select(l => l.Length).Distinct()); // every line is as wide as the box
        Assert.Contains(lines, l => l.Contains("InstanceId", StringComparison.Ordinal) && l.Contains("EbsOptimized", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("| i-1", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("running", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_applies_query_and_output_format()
    {
        var call = MotoAws.Parse("ec2 describe-instances --query Reservations[].Instances[].State.Name --output text");
        Assert.Equal("running\n", AwsOutput.Render(call, Sample));
        Assert.Equal("", AwsOutput.Render(MotoAws.Parse("ec2 describe-instances"), []));
    }

    [Fact]
    public void Chat_output_truncates_long_text_at_a_line_and_attaches_the_whole()
    {
        var full = string.Join("\n", Enumerable.Range(1, 200).Select(i => $"line {i}"));
        var chat = ChatOutput.From(full);
        Assert.Equal(full, chat.Attachment);
        Assert.StartsWith("line 1\nline 2\n", chat.Text, StringComparison.Ordinal);
        Assert.EndsWith("160 more lines; the full output is attached.", chat.Text, StringComparison.Ordinal);
        var shortOne = ChatOutput.From("{}\n");
        Assert.Equal(("{}", (string?)null), (shortOne.Text, shortOne.Attachment));
    }
}

public class ChatSummaryTests
{
    [Fact]
    public void Key_fields_come_first_and_the_cli_json_is_attached()
    {
        var result = new JsonObject
        {
            ["MetricAlarms"] = new JsonArray(
                new JsonObject { ["AlarmArn"] = "arn:1", ["AlarmName"] = "cpu", ["StateValue"] = "ALARM", ["Threshold"] = 70.0 },
                new JsonObject { ["AlarmArn"] = "arn:2", ["AlarmName"] = "disk", ["StateValue"] = "OK", ["Threshold"] = 90.0 }),
        };
        var chat = ChatSummary.Render(MotoAws.Parse("cloudwatch describe-alarms"), result);
        Assert.Equal("MetricAlarms: 2\n• cpu  ALARM  arn:1\n• disk  OK  arn:2", chat.Text);
        Assert.Equal(CliJsonWriter.Write(result) + "\n", chat.Attachment);
        var text = ChatSummary.Render(MotoAws.Parse("cloudwatch describe-alarms --query MetricAlarms[].AlarmName --output text"), result);
        Assert.Equal(("cpu\tdisk", (string?)null), (text.Text, text.Attachment));
    }
}
