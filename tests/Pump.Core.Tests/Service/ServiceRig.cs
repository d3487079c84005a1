using System;
using System.Collections.Generic;
using Pump.Core.Configuration;
using Pump.Core.Library;
using Pump.Core.Persistence;
using Pump.Core.Service;
using Pump.Core.Tests.Fakes;
using Pump.Core.Tests.Persistence;
using Pump.Hal;
using Xunit;

namespace Pump.Core.Tests.Service
{
    /// <summary>The service port as two byte queues: what the tool sent and what the pump answered.</summary>
    internal sealed class LoopPort : IServicePort
    {
        public Queue<byte> ToPump { get; } = new();
        public List<byte> FromPump { get; } = new();

        public int Read(byte[] buffer, int offset, int count)
        {
            int n = 0;
            while (n < count && ToPump.Count > 0)
            {
                buffer[offset + n++] = ToPump.Dequeue();
            }
            return n;
        }

        public bool TryWrite(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                FromPump.Add(buffer[offset + i]);
            }
            return true;
        }
    }

    internal sealed class SettableRtc : IRealTimeClock, IRealTimeClockSetter
    {
        public long UtcSeconds { get; set; } = 1_790_000_000;
        public bool Valid { get; set; } = true;
        public bool SetFails { get; set; }

        public bool TryReadUtcSeconds(out long utcSeconds)
        {
            utcSeconds = Valid ? UtcSeconds : 0;
            return Valid;
        }

        public bool TrySetUtcSeconds(long utcSeconds)
        {
            if (SetFails)
            {
                return false;
            }
            UtcSeconds = utcSeconds;
            Valid = true;
            return true;
        }
    }

    internal sealed class FakeRawSensors : IRawSensorReadings
    {
        public int ForceCounts { get; set; } = 12_345;
        public int PositionCounts { get; set; } = 300;
        public bool Broken { get; set; }

        public bool TryReadForceCounts(out int counts)
        {
            counts = ForceCounts;
            return !Broken;
        }

        public bool TryReadPositionCounts(out int counts)
        {
            counts = PositionCounts;
            return !Broken;
        }
    }

    /// <summary>One answer as the tool would read it.</summary>
    internal sealed record Answer(int Command, uint Sequence, int Status, byte[] Data)
    {
        public int Detail => Data.Length >= 2 ? Data[0] | (Data[1] << 8) : -1;
        public string Text => Data.Length >= 3 ? System.Text.Encoding.ASCII.GetString(Data, 3, Data[2]) : "";
    }

    /// <summary>
    /// A pump in service mode on fake hardware over a power-cut store: send requests, tick, read answers,
    /// and "boot" again over the same bytes.
    /// </summary>
    internal sealed class ServiceRig
    {
        private uint _sequence = 100;

        public ServiceRig(PowerCutStore? store = null)
        {
            Store = store ?? new PowerCutStore(StoreLayout.Esp32ConfigPartitionBytes);
            Boot();
        }

        public PowerCutStore Store { get; }
        public ManualClock Clock { get; } = new();
        public IdealStepHardware Steps { get; } = new();
        public FakeDriver Driver { get; } = new();
        public FakeSensors Sensors { get; } = new();
        public FakeLink MonitorLink { get; } = new();
        public FakeDisplay Display { get; } = new();
        public FakeKeypad Keypad { get; } = new();
        public FakeWatchdog Watchdog { get; } = new();
        public SettableRtc Rtc { get; } = new();
        public FakeRawSensors Raw { get; } = new();
        public LoopPort Port { get; private set; } = new();
        public ServiceModeController Service { get; private set; } = null!;

        public void Boot()
        {
            Store.Reboot();
            Port = new LoopPort();
            var hw = new PumpHardware(Clock, Steps, Steps, Driver, Sensors, Sensors, Sensors, MonitorLink, Display, Keypad,
                new RecordingAnnunciator(), Store, Watchdog, Rtc);
            Service = new ServiceModeController(new ServiceContext(hw, Rtc, Raw, new DeviceIdentity("1.0.0", "abc1234")), Port);
            Service.Start();
        }

        public void Tick(int ticks = 1)
        {
            for (int i = 0; i < ticks; i++)
            {
                Clock.NowUs += 50_000;
                Service.Tick();
            }
        }

        public uint NextSequence() => ++_sequence;

        public static byte[] Frame(int command, uint sequence, byte[] payload)
        {
            var w = new ServiceFrameWriter();
            w.Begin(command, sequence);
            w.PutBytes(payload, 0, payload.Length);
            if (!w.Finish())
            {
                throw new ArgumentException("payload too long");
            }
            return w.Frame.AsSpan(0, w.Length).ToArray();
        }

        public Answer Send(int command, params byte[] payload) => SendBytes(Frame(command, NextSequence(), payload));

        /// <summary>Queues bytes, ticks until an answer arrives (at most 2 s), and returns it.</summary>
        public Answer SendBytes(byte[] bytes)
        {
            foreach (byte b in bytes)
            {
                Port.ToPump.Enqueue(b);
            }
            return Await();
        }

        public Answer Await()
        {
            for (int i = 0; i < 40; i++)
            {
                Tick();
                Answer? a = TakeAnswer();
                if (a != null)
                {
                    return a;
                }
            }
            throw new InvalidOperationException("no answer");
        }

        private Answer? TakeAnswer()
        {
            List<byte> f = Port.FromPump;
            if (f.Count < ServiceFrameFormat.HeaderLength)
            {
                return null;
            }
            int length = f[4] | (f[5] << 8);
            int total = ServiceFrameFormat.HeaderLength + length + ServiceFrameFormat.CrcLength;
            if (f.Count < total)
            {
                return null;
            }
            byte[] frame = f.GetRange(0, total).ToArray();
            f.RemoveRange(0, total);
            uint crc = Pump.Core.Common.Crc32.Compute(frame, 2, total - 6);
            if (crc != BitConverter.ToUInt32(frame, total - 4) || frame[0] != ServiceFrameFormat.Sync0 || frame[1] != ServiceFrameFormat.Sync1)
            {
                throw new InvalidOperationException("pump sent a bad frame");
            }
            return new Answer(frame[3], BitConverter.ToUInt32(frame, 6), frame[10], frame.AsSpan(11, length - 1).ToArray());
        }

        /// <summary>A calibrated configuration that passes every check.</summary>
        public static DeviceConfiguration Calibrated(string serial = "SP-0001") => new()
        {
            Serial = serial,
            CalibrationUtcSeconds = 1_790_000_000,
            CalibratedBy = "BIOMED1",
            ForceZeroCounts = 12_000,
            ForceSpanCounts = 98_000,
            ForceSpanMilliNewtons = 49_033,
            PositionZeroCounts = 300,
            PositionSpanCounts = 3_700,
            PositionSpanMicrometres = 100_000,
        };

        public static byte[] Encode(DeviceConfiguration c)
        {
            var b = new byte[DeviceConfigurationCodec.PayloadBytes];
            Assert.True(DeviceConfigurationCodec.Encode(c, b, 0));
            return b;
        }

        public Answer InstallLibraryBytes(byte[] library)
        {
            var begin = new byte[8];
            BitConverter.TryWriteBytes(begin.AsSpan(0, 4), (uint)library.Length);
            BitConverter.TryWriteBytes(begin.AsSpan(4, 4), Pump.Core.Common.Crc32.Compute(library, 0, library.Length));
            Answer a = Send(ServiceCommand.LibraryBegin, begin);
            Assert.Equal(ServiceStatus.Ok, a.Status);
            for (int at = 0; at < library.Length; at += 500)
            {
                int n = Math.Min(500, library.Length - at);
                var chunk = new byte[4 + n];
                BitConverter.TryWriteBytes(chunk.AsSpan(0, 4), (uint)at);
                Array.Copy(library, at, chunk, 4, n);
                a = Send(ServiceCommand.LibraryData, chunk);
                Assert.Equal(ServiceStatus.Ok, a.Status);
            }
            return Send(ServiceCommand.LibraryEnd);
        }

        /// <summary>The shipped library re-encoded at another revision.</summary>
        public static byte[] LibraryAtRevision(uint revision)
        {
            DrugLibrary shipped = ShippedLibrary.Build();
            var entries = new DrugEntry[shipped.Count];
            for (int i = 0; i < entries.Length; i++)
            {
                entries[i] = shipped.GetAt(i);
            }
            return LibraryCodec.Encode(new DrugLibrary(revision, entries))!;
        }
    }
}
