using System.Collections.Frozen;
using Crowsnest.Aws.Protocols;
using Crowsnest.Commands.Parse;

namespace Crowsnest.Commands.Execute;

/// <summary>AWS error codes in plain words, with AWS's own message kept alongside.</summary>
public static class ErrorMessages
{
    private static readonly FrozenDictionary<string, string> Plain = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AccessDenied"] = "The role is not allowed to call {action}.",
        ["AccessDeniedException"] = "The role is not allowed to call {action}.",
        ["UnauthorizedOperation"] = "The role is not allowed to call {action}.",
        ["AuthorizationError"] = "The role is not allowed to call {action}.",
        ["SignatureDoesNotMatch"] = "AWS rejected the request signature: the credentials' secret key is wrong.",
        ["InvalidClientTokenId"] = "AWS does not know these credentials' access key.",
        ["UnrecognizedClientException"] = "AWS does not know these credentials' access key.",
        ["InvalidAccessKeyId"] = "AWS does not know these credentials' access key.",
        ["ExpiredToken"] = "The credentials have expired.",
        ["ExpiredTokenException"] = "The credentials have expired.",
        ["RequestExpired"] = "The request reached AWS too late (check the server's clock).",
        ["Throttling"] = "AWS is throttling calls right now; try again in a moment.",
        ["ThrottlingException"] = "AWS is throttling calls right now; try again in a moment.",
        ["TooManyRequestsException"] = "AWS is throttling calls right now; try again in a moment.",
        ["RequestLimitExceeded"] = "AWS is throttling calls right now; try again in a moment.",
        ["ResourceNotFoundException"] = "Not found.",
        ["NoSuchBucket"] = "That bucket does not exist.",
        ["NoSuchKey"] = "That object does not exist.",
        ["ParameterNotFound"] = "That parameter does not exist.",
        ["ValidationError"] = "AWS rejected a parameter.",
        ["ValidationException"] = "AWS rejected a parameter.",
        ["InvalidParameterValue"] = "AWS rejected a parameter value.",
        ["InvalidParameterCombination"] = "AWS rejected this combination of parameters.",
        ["MissingParameter"] = "A required parameter is missing.",
        ["OptInRequired"] = "The account is not subscribed to this service.",
        ["RequestTimeout"] = "AWS did not answer in time.",
        ["EndpointUnreachable"] = "AWS could not be reached.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static string For(AwsError error, AwsCall call)
    {
        var plain = Plain.TryGetValue(error.Code, out var p) ? p.Replace("{action}", call.IamAction, StringComparison.Ordinal) : "AWS refused the call.";
        var aws = string.IsNullOrWhiteSpace(error.Message) ? "" : $" AWS said: {error.Message}";
        return $"{plain} ({error.Code}){aws}";
    }
}
