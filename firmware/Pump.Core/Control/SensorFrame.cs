using Pump.Hal;

namespace Pump.Core.Control
{
    /// <summary>
    /// Everything the pump's sensors said this tick, read once at its start (sense → decide → act): every
    /// decision of the tick reads this value, never a sensor directly. An unreadable sensor is recorded as
    /// such; the plunger position keeps its last valid reading, so no reference is ever taken from a failed read.
    /// </summary>
    public sealed class SensorFrame
    {
        /// <summary>Step counter reading (valid when <see cref="CounterOk"/>).</summary>
        public long RawCounter { get; private set; }

        public bool CounterOk { get; private set; }

        public int ForceMilliNewtons { get; private set; }

        public bool ForceOk { get; private set; }

        /// <summary>Plunger pusher position, µm from fully withdrawn: the last valid reading.</summary>
        public int PositionUm { get; private set; }

        public bool PositionOk { get; private set; }

        public bool ClampReadable { get; private set; }

        /// <summary>Clamp closed (false when unreadable).</summary>
        public bool ClampClosed { get; private set; }

        /// <summary>Plunger flange engaged (false when unreadable).</summary>
        public bool PlungerEngaged { get; private set; }

        /// <summary>Clamp closed and plunger engaged, both read.</summary>
        public bool SyringeSecured { get { return ClampReadable && ClampClosed && PlungerEngaged; } }

        /// <summary>Reads every sensor once; allocation-free.</summary>
        public void Read(PumpHardware hw)
        {
            long raw;
            CounterOk = hw.StepCounter.TryRead(out raw);
            if (CounterOk)
            {
                RawCounter = raw;
            }

            int force;
            ForceOk = hw.ForceSensor.TryReadForce(out force);
            ForceMilliNewtons = force;
            int position;
            PositionOk = hw.PlungerPosition.TryReadPosition(out position);
            if (PositionOk)
            {
                PositionUm = position;
            }

            bool closed;
            bool engaged;
            ClampReadable = hw.SyringeClamp.TryRead(out closed, out engaged);
            ClampClosed = ClampReadable && closed;
            PlungerEngaged = ClampReadable && engaged;
        }
    }
}
