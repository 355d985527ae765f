namespace Crowsnest.Aws.Models;

/// <summary>What the engine needs from a model's metadata to address, sign and encode a call.</summary>
public sealed record ServiceMetadata(
    string CliName,
    string ServiceId,
    string ApiVersion,
    string EndpointPrefix,
    string SigningName,
    string Protocol,
    string? JsonVersion,
    string? TargetPrefix,
    string? XmlNamespace,
    string? GlobalEndpoint);
