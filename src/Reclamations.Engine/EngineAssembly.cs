namespace Reclamations.Engine; internal static class EngineAssembly { }
