using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Crowsnest.TestKit.Teams;

/// <summary>
/// An RSA signing key published the way the Bot Framework publishes its keys (a JWKS entry with <c>kid</c> and
/// <c>endorsements</c>), and the RS256 JWTs the Bot Connector puts in <c>Authorization: Bearer</c>.
/// </summary>
public sealed class BotFrameworkSigner : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public BotFrameworkSigner(string kid, IReadOnlyList<string> endorsements)
    {
        Kid = kid;
        Endorsements = endorsements;
    }

    public string Kid { get; }

    public IReadOnlyList<string> Endorsements { get; }

    /// <summary>The key's JWKS entry (public part only).</summary>
    public JsonObject Jwk()
    {
        var p = _rsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = Kid,
            ["n"] = Base64Url(p.Modulus!),
            ["e"] = Base64Url(p.Exponent!),
            ["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode)JsonValue.Create(e))]),
        };
    }

    /// <summary>A compact JWS: <c>base64url(header).base64url(claims).base64url(RS256 signature)</c>.</summary>
    public string Sign(JsonObject claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var header = new JsonObject { ["alg"] = "RS256", ["kid"] = Kid, ["typ"] = "JWT", ["x5t"] = Kid };
        var input = $"{Base64Url(Encoding.UTF8.GetBytes(header.ToJsonString()))}.{Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()))}";
        var signature = _rsa.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{input}.{Base64Url(signature)}";
    }

    public void Dispose() => _rsa.Dispose();

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
