namespace Pump.Hal.Esp32.Logic
{
    /// <summary>
    /// How the monitor-link port reads without ever blocking the control loop: nanoFramework's
    /// SerialPort.Read waits until every requested byte has arrived, so only bytes already waiting are
    /// requested; after a port error the link stays silent and the port is reopened only every
    /// <c>reopenAfterReads</c> reads (one attempt per second at the 50 ms tick), so a dead UART cannot
    /// cost the loop an exception per tick.
    /// </summary>
    public sealed class LinkReadPolicy
    {
        private readonly int _reopenAfterReads;
        private int _readsSinceFailure;
        private bool _failed;

        public LinkReadPolicy(int reopenAfterReads)
        {
            _reopenAfterReads = reopenAfterReads;
        }

        /// <summary>Bytes to request from the port: never more than are waiting or than fit, never negative.</summary>
        public static int BytesToTake(int waiting, int requested)
        {
            if (waiting <= 0 || requested <= 0)
            {
                return 0;
            }

            return waiting < requested ? waiting : requested;
        }

        /// <summary>True while the port is considered broken.</summary>
        public bool IsFailed { get { return _failed; } }

        /// <summary>Records a port error: the link reads as silent from now on.</summary>
        public void Failed()
        {
            _failed = true;
            _readsSinceFailure = 0;
        }

        /// <summary>Records a successful (re)open.</summary>
        public void Opened()
        {
            _failed = false;
            _readsSinceFailure = 0;
        }

        /// <summary>Called on each read while failed; true when a reopen should be tried now.</summary>
        public bool ShouldTryReopen()
        {
            if (!_failed)
            {
                return false;
            }

            _readsSinceFailure++;
            if (_readsSinceFailure < _reopenAfterReads)
            {
                return false;
            }

            _readsSinceFailure = 0;
            return true;
        }
    }
}
