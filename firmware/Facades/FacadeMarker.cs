// Every facade assembly carries this mark so a facade binary can never be mistaken for the real package.
[assembly: System.Reflection.AssemblyDescription("COMPILE-ONLY FACADE - NEVER DEPLOYED (firmware/Facades)")]
[assembly: System.Reflection.AssemblyVersion("0.0.0.0")]
