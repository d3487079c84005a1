// Compile-only facade of nanoFramework.TestFramework 3.0.77 (brief nanoframework.md §2; AreEqual checked against
// nanoframework/nanoFramework.TestFramework source/TestFramework/Assert.AreEqual.cs). NEVER DEPLOYED.
// Only the members tests/Pump.Core.NfTests uses.
using System;
using System.Runtime.CompilerServices;

namespace nanoFramework.TestFramework
{
    [AttributeUsage(AttributeTargets.Class)]
    public class TestClassAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Method)]
    public class TestMethodAttribute : Attribute
    {
    }

    public sealed partial class Assert
    {
        public static void AreEqual(int expected, int actual, [CallerArgumentExpression("actual")] string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(long expected, long actual, [CallerArgumentExpression("actual")] string message = "") { throw new NotImplementedException(); }
        public static void AreEqual(uint expected, uint actual, [CallerArgumentExpression("actual")] string message = "") { throw new NotImplementedException(); }
        public static void IsTrue(bool condition, [CallerArgumentExpression("condition")] string message = "") { throw new NotImplementedException(); }
    }
}
