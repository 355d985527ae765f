using Crowsnest.Notifications.Events.Support;

namespace Crowsnest.Tests.Notifications.Events.Support;

public sealed class TextFieldsTests
{
    [Fact]
    public void Quoted_reads_one_value_per_key_without_its_quotes()
    {
        var fields = TextFields.Quoted("\n  \nStackId='arn:aws:cloudformation:us-east-1:1:stack/web/1'\nResourceStatus='CREATE_COMPLETE'\n\n");

        Assert.Equal(2, fields.Count);
        Assert.Equal("arn:aws:cloudformation:us-east-1:1:stack/web/1", fields["StackId"]);
        Assert.Equal("CREATE_COMPLETE", fields["ResourceStatus"]);
    }

    [Fact]
    public void Quoted_keeps_continuation_lines_and_inner_quotes_of_a_value()
    {
        const string Text = "ResourceProperties='{\"Name\":\"web\",\n  \"Tags\": [ {\"Key\": \"a='b'\"} ]\n}'\r\nResourceType='AWS::ECS::Service'\r\n";

        var fields = TextFields.Quoted(Text);

        Assert.Equal("{\"Name\":\"web\",\n  \"Tags\": [ {\"Key\": \"a='b'\"} ]\n}", fields["ResourceProperties"]);
        Assert.Equal("AWS::ECS::Service", fields["ResourceType"]);
    }

    [Fact]
    public void Quoted_ignores_lines_before_the_first_key_and_lets_a_repeated_key_win_last()
    {
        var fields = TextFields.Quoted("preamble = 'no key'\nStatus='A'\nStatus='B'\nEmpty=''");

        Assert.Equal(["Empty", "Status"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("B", fields["Status"]);
        Assert.Equal(string.Empty, fields["Empty"]);
    }

    [Fact]
    public void Quoted_keeps_a_value_whose_closing_quote_is_missing()
    {
        var fields = TextFields.Quoted("Reason='Resource creation cancelled\nand more  ");

        Assert.Equal("Resource creation cancelled\nand more", fields["Reason"]);
    }
}
