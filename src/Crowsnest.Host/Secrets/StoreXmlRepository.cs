using System.Xml.Linq;
using Crowsnest.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Crowsnest.Host.Secrets;

/// <summary>Keeps the Data Protection key ring in the database, so instances sharing one PostgreSQL share keys.</summary>
internal sealed class StoreXmlRepository(IDataProtectionKeyStore keys) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => keys.GetAll().Select(XElement.Parse).ToList();

    public void StoreElement(XElement element, string friendlyName) =>
        keys.Store(string.IsNullOrEmpty(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
