using Pump.Core.Alarms;
using Pump.Core.Library;
using Pump.Core.Persistence;

namespace Pump.Core.Control
{
    /// <summary>
    /// The drug library in use: the shipped one until a stored library passes its CRC, format version and
    /// consistency checks at power-up, or a new one is installed (service, Idle only). A refused library
    /// changes nothing and is refused with its specific message and logged (LIB, SEC-050).
    /// </summary>
    public sealed class LibraryKeeper
    {
        private readonly PumpPersistence _persistence;
        private readonly AlarmManager _alarms;
        private DrugLibrary _library;
        private string _refusal = "";

        internal LibraryKeeper(DrugLibrary shipped, PumpPersistence persistence, AlarmManager alarms)
        {
            _library = shipped;
            _persistence = persistence;
            _alarms = alarms;
        }

        public DrugLibrary Library { get { return _library; } }

        /// <summary>Why the stored library was refused at power-up (empty when it was not).</summary>
        public string Refusal { get { return _refusal; } }

        /// <summary>Power-up: a stored library replaces the shipped one only when every check passes.</summary>
        internal void LoadStored(long nowUs)
        {
            byte[] buffer = new byte[StoreLayout.DrugLibraryMaxBytes];
            int length;
            if (!_persistence.Library.TryLoad(buffer, 0, out length))
            {
                if (_persistence.Library.LoadReport.AnyDamage)
                {
                    _refusal = "LIBRARY DAMAGED";
                    Log(PumpEvent.LibraryRefused, 0, 1);
                    _alarms.RaiseEvent(AlarmCode.LibraryRefused, nowUs);
                }

                return;
            }

            LibraryLoadResult result = LibraryCodec.Decode(buffer, 0, length);
            if (result.IsAccepted && result.Library != null)
            {
                _library = result.Library;
                return;
            }

            _refusal = result.ShortMessage;
            Log(PumpEvent.LibraryRefused, (int)result.Error, 0);
            _alarms.RaiseEvent(AlarmCode.LibraryRefused, nowUs);
        }

        /// <summary>Checks, persists and adopts a new library (the caller allows it only while Idle).</summary>
        internal LibraryLoadResult Install(byte[] bytes, int offset, int count)
        {
            LibraryLoadResult result = LibraryCodec.Decode(bytes, offset, count);
            if (!result.IsAccepted || result.Library == null)
            {
                Log(PumpEvent.LibraryRefused, (int)result.Error, 0);
                return result;
            }

            if (!_persistence.Library.TryWrite(bytes, offset, count))
            {
                Log(PumpEvent.LibraryRefused, (int)result.Error, 1);
                return LibraryLoadResult.Refused(LibraryError.StoreWriteFailed, "LIB STORE FAILED", "The library could not be written to storage; the previous one stays.");
            }

            _library = result.Library;
            Log(PumpEvent.LibraryInstalled, (int)_library.Revision, _library.Count);
            return result;
        }

        private void Log(int code, int arg0, int arg1)
        {
            _persistence.Log.Append(code, 0, 0, arg0, arg1);
        }
    }
}
