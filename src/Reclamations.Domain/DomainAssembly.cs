namespace Reclamations.Domain; internal static class DomainAssembly { }
