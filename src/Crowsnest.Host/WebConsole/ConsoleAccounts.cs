using System.Security.Cryptography;
using System.Text;
using Crowsnest.Configuration;
using Crowsnest.Storage;
using Microsoft.AspNetCore.Identity;

namespace Crowsnest.Host.WebConsole;

/// <summary>The console's administrator: a user name and an ASP.NET Core Identity password hash (PBKDF2, salted, versioned).</summary>
internal sealed record ConsoleAdmin(string UserName, string PasswordHash);

/// <summary>
/// The console's one administrator account and the one-time setup tokens that create it, kept in the store's
/// settings (so every instance on one database agrees). Passwords are hashed with Identity's <see cref="PasswordHasher{TUser}"/>.
/// </summary>
internal sealed class ConsoleAccounts(IStore store, TimeProvider time)
{
    public const int MinPasswordLength = 12;
    public static readonly TimeSpan SetupTokenLifetime = TimeSpan.FromHours(24);
    private const string AdminKey = "console:admin";
    private const string SetupKeyPrefix = "console:setup:";
    private static readonly PasswordHasher<ConsoleAdmin> Hasher = new();

    public async Task<bool> HasAdminAsync(CancellationToken cancellationToken) => await GetAdminAsync(cancellationToken) is not null;

    /// <summary>A fresh one-time setup token while no administrator exists; null once one does.</summary>
    public async Task<string?> IssueSetupTokenAsync(CancellationToken cancellationToken)
    {
        if (await HasAdminAsync(cancellationToken))
        {
            return null;
        }
        var token = ConsoleTokens.New();
        await store.Settings.SetAsync(SetupKeyPrefix + ConsoleTokens.Hash(token), "unused", time.GetUtcNow() + SetupTokenLifetime, cancellationToken);
        return token;
    }

    /// <summary>Creates the administrator with a valid, unused setup token. Every problem is listed.</summary>
    public async Task<IReadOnlyList<ValidationError>> SetUpAsync(string? token, string? userName, string? password, CancellationToken cancellationToken)
    {
        var key = SetupKeyPrefix + ConsoleTokens.Hash(token ?? "");
        if (string.IsNullOrEmpty(token) || await store.Settings.GetAsync(key, cancellationToken) is null || await HasAdminAsync(cancellationToken))
        {
            return [new ValidationError("token", "This setup link is not valid: it was used already, has expired, or an administrator exists. Restart Crowsnest with no administrator for a new link.")];
        }
        var errors = ValidateCredentials(userName, password);
        if (errors.Count > 0)
        {
            return errors;
        }
        // Deleting the token is the atomic step: of two setups racing with one token, only one deletes it.
        if (!await store.Settings.DeleteAsync(key, cancellationToken))
        {
            return [new ValidationError("token", "This setup link was used already.")];
        }
        var admin = new ConsoleAdmin(userName!, "");
        await store.Settings.SetAsync(AdminKey, $"{userName}\n{Hasher.HashPassword(admin, password!)}", null, cancellationToken);
        return [];
    }

    /// <summary>The administrator's user name when the password matches, else null.</summary>
    public async Task<string?> VerifyAsync(string? userName, string? password, CancellationToken cancellationToken)
    {
        var admin = await GetAdminAsync(cancellationToken);
        if (admin is null || userName is null || password is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(admin.UserName), Encoding.UTF8.GetBytes(userName)))
        {
            return null;
        }
        var result = Hasher.VerifyHashedPassword(admin, admin.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            await store.Settings.SetAsync(AdminKey, $"{admin.UserName}\n{Hasher.HashPassword(admin, password)}", null, cancellationToken);
        }
        return result == PasswordVerificationResult.Failed ? null : admin.UserName;
    }

    private async Task<ConsoleAdmin?> GetAdminAsync(CancellationToken cancellationToken)
    {
        var value = await store.Settings.GetAsync(AdminKey, cancellationToken);
        var newline = value?.IndexOf('\n', StringComparison.Ordinal) ?? -1;
        return newline <= 0 ? null : new ConsoleAdmin(value![..newline], value[(newline + 1)..]);
    }

    private static List<ValidationError> ValidateCredentials(string? userName, string? password)
    {
        var errors = new List<ValidationError>();
        if (string.IsNullOrWhiteSpace(userName) || userName.Length > 64 || userName.Any(char.IsControl))
        {
            errors.Add(new ValidationError("userName", "Value at 'userName' must be 1 to 64 printable characters"));
        }
        if (password is null || password.Length < MinPasswordLength)
        {
            errors.Add(new ValidationError("password", $"Value at 'password' must have at least {MinPasswordLength} characters"));
        }
        else if (password.Length > 256)
        {
            errors.Add(new ValidationError("password", "Value at 'password' must have at most 256 characters"));
        }
        return errors;
    }
}

/// <summary>Random tokens for setup links and sessions, and the hash under which they are stored.</summary>
internal static class ConsoleTokens
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).Replace('+', '-').Replace('/', '_').TrimEnd('=');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
