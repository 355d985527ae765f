using System.Text;
using System.Text.Json.Nodes;

namespace Crowsnest.Commands.Execute;

/// <summary>
/// botocore's resume token: base64 of a JSON object holding the input tokens and, when a page was cut,
/// <c>boto_truncate_amount</c>. Tokens from the AWS CLI work here and the other way round.
/// </summary>
public static class PaginationToken
{
    public const string TruncateKey = "boto_truncate_amount";

    public static string Encode(JsonObject token) => Convert.ToBase64String(Encoding.UTF8.GetBytes(token.ToJsonString()));

    /// <summary>Decodes a token; a token that is not botocore's form is taken as the value of the first input token.</summary>
    public static JsonObject Decode(string token, IReadOnlyList<string> inputTokens)
    {
        try
        {
            if (JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(token))) is JsonObject parsed)
            {
                return parsed;
            }
        }
        catch (FormatException)
        {
        }
        catch (System.Text.Json.JsonException)
        {
        }
        return new JsonObject { [inputTokens[0]] = token };
    }
}
