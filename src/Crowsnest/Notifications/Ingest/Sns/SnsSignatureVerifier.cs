using System.Security.Cryptography;
using System.Text;

namespace Crowsnest.Notifications.Ingest.Sns;

/// <summary>
/// Verifies an SNS envelope's signature: the certificate URL passes <see cref="SnsUrlPolicy"/>, the string to sign
/// is rebuilt from the exact strings received, and the signature checks with SHA1withRSA (SignatureVersion 1) or
/// SHA256withRSA (SignatureVersion 2). Always on; there is no switch to turn it off.
/// </summary>
public sealed class SnsSignatureVerifier(SnsUrlPolicy policy, SnsCertificateStore certificates)
{
    /// <summary>Verifies; the verdict says why when the envelope is refused.</summary>
    public async ValueTask<SignatureVerdict> VerifyAsync(SnsEnvelope envelope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var algorithm = envelope.SignatureVersion switch
        {
            "1" => HashAlgorithmName.SHA1,
            "2" => HashAlgorithmName.SHA256,
            null => default,
            _ => HashAlgorithmName.MD5,
        };
        if (algorithm == default)
        {
            return SignatureVerdict.Refuse("SignatureVersion is missing (an unsigned message cannot be verified)");
        }

        if (algorithm == HashAlgorithmName.MD5)
        {
            return SignatureVerdict.Refuse("SignatureVersion must be 1 or 2");
        }

        var toSign = SnsStringToSign.Build(envelope);
        if (toSign.Text is null)
        {
            return SignatureVerdict.Refuse(toSign.Error!);
        }

        var signature = DecodeSignature(envelope.Signature);
        if (signature is null)
        {
            return SignatureVerdict.Refuse("Signature is missing or not base64");
        }

        var url = policy.CheckCertificateUrl(envelope.SigningCertUrl);
        if (url.Uri is null)
        {
            return SignatureVerdict.Refuse(url.Reason!);
        }

        var key = await certificates.GetKeyAsync(url.Uri, cancellationToken);
        if (key.Key is null)
        {
            return key.Retryable ? SignatureVerdict.Unavailable(key.Error!) : SignatureVerdict.Refuse(key.Error!);
        }

        var data = Encoding.UTF8.GetBytes(toSign.Text);
        return key.Key.VerifyData(data, signature, algorithm, RSASignaturePadding.Pkcs1)
            ? SignatureVerdict.Valid
            : SignatureVerdict.Refuse("signature does not match");
    }

    private static byte[]? DecodeSignature(string? signature)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length > 4096)
        {
            return null;
        }

        var buffer = new byte[signature.Length];
        return Convert.TryFromBase64String(signature, buffer, out var written) ? buffer[..written] : null;
    }
}

/// <summary>The outcome of a signature check.</summary>
public enum SignatureOutcome
{
    /// <summary>The signature is genuine.</summary>
    Valid = 0,

    /// <summary>The envelope is refused: forged, tampered, unsigned, or its certificate URL is not acceptable.</summary>
    Refused,

    /// <summary>The signing certificate could not be obtained now; the sender should retry.</summary>
    CertificateUnavailable,
}

/// <summary>A signature check's verdict and reason.</summary>
/// <param name="Outcome">Valid, refused, or certificate unavailable.</param>
/// <param name="Reason">Why, when not valid.</param>
public sealed record SignatureVerdict(SignatureOutcome Outcome, string? Reason)
{
    /// <summary>The genuine verdict.</summary>
    public static SignatureVerdict Valid { get; } = new(SignatureOutcome.Valid, null);

    internal static SignatureVerdict Refuse(string reason) => new(SignatureOutcome.Refused, reason);

    internal static SignatureVerdict Unavailable(string reason) => new(SignatureOutcome.CertificateUnavailable, reason);
}
