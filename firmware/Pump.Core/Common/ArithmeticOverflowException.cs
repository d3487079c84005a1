using System;

namespace Pump.Core.Common
{
    /// <summary>
    /// Thrown by the core's explicit range checks where a result would not fit (NFR-005). nanoCLR runs
    /// <c>checked</c> arithmetic as plain arithmetic and its mscorlib has no OverflowException, so the core never
    /// relies on the runtime to trap: it tests the operands first and throws this itself. Inside the control
    /// tick it reaches the tick's fault handler, which stops the motor and enters Failsafe.
    /// </summary>
    public sealed class ArithmeticOverflowException : Exception
    {
        public ArithmeticOverflowException(string operation)
            : base("overflow in " + operation)
        {
        }
    }
}
