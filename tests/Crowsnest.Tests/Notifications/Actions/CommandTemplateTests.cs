using Crowsnest.Commands.Parse;
using Crowsnest.Notifications.Actions;

namespace Crowsnest.Tests.Notifications.Actions;

public class CommandTemplateTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["name"] = "my-pipeline",
        ["spaced"] = "it's a \"test\" $HOME",
        ["id"] = "e-1",
    };

    [Theory]
    [InlineData("codepipeline get-pipeline --name $name", "codepipeline get-pipeline --name my-pipeline")]
    [InlineData("x --a ${name}-suffix", "x --a my-pipeline-suffix")]
    [InlineData("x --a $unknown --b $name", "x --a $unknown --b my-pipeline")]
    [InlineData("x --a $names", "x --a $names")]
    [InlineData("x --cost \\$name", "x --cost \\$name")]
    public void Fills_known_placeholders_and_leaves_the_rest(string template, string expected) =>
        Assert.Equal(expected, CommandTemplate.Fill(template, Values));

    [Theory]
    [InlineData("x --v $spaced")]
    [InlineData("x --v '$spaced'")]
    [InlineData("x --v \"$spaced\"")]
    public void A_value_with_quotes_and_spaces_stays_one_word_in_every_quoting_context(string template)
    {
        var words = CommandTokenizer.Tokenize(CommandTemplate.Fill(template, Values), out var error);
        Assert.Null(error);
        Assert.Equal(["x", "--v", Values["spaced"]], words);
    }

    [Fact]
    public void A_value_inside_a_json_payload_keeps_the_json_valid()
    {
        var filled = CommandTemplate.Fill("lambda invoke --function-name f --payload '{\"id\":\"$spaced\"}'", new Dictionary<string, string> { ["spaced"] = "a'b" });
        var words = CommandTokenizer.Tokenize(filled, out _)!;
        Assert.Equal("{\"id\":\"a'b\"}", words[^1]);
    }

    [Fact]
    public void Names_lists_each_placeholder_once()
    {
        Assert.Equal(["a", "b-c"], CommandTemplate.Names("x $a ${b-c} $a"));
    }
}
