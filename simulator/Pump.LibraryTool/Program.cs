namespace Pump.LibraryTool
{
    internal static class Program
    {
        public static int Main(string[] args)
        {
            return Commands.LibraryCli.Build().Parse(args).Invoke();
        }
    }
}
