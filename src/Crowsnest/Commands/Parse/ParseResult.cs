namespace Crowsnest.Commands.Parse;

/// <summary>The outcome of parsing a chat command: a call, a help text, or an error with hints.</summary>
public abstract record ParseResult
{
    private ParseResult()
    {
    }

    /// <summary>A complete (or, see <see cref="AwsCall.MissingRequired"/>, promptable) AWS call.</summary>
    public sealed record Parsed(AwsCall Call) : ParseResult;

    /// <summary>The user asked for help (or gave only a service): text to show.</summary>
    public sealed record Help(string Text) : ParseResult;

    /// <summary>The command is wrong: a message naming the bad token, and suggestions.</summary>
    public sealed record Invalid(string Message, IReadOnlyList<string> Hints) : ParseResult
    {
        public override string ToString() => Hints.Count == 0 ? Message : $"{Message} {string.Join(" ", Hints)}";
    }
}

/// <summary>Parses AWS CLI syntax against the service models.</summary>
public interface ICommandParser
{
    ParseResult Parse(string text);
}
