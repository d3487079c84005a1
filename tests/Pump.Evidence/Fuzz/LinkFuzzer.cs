using System;
using System.Collections.Generic;
using Pump.Core.Link;
using Pump.Hal;

namespace Pump.Evidence.Fuzz
{
    /// <summary>An input that broke an invariant of the monitor-link parser.</summary>
    public sealed class FuzzFailure : Exception
    {
        public FuzzFailure(string message, byte[] input, Exception? inner = null) : base(message, inner)
        {
            Input = input;
        }

        public byte[] Input { get; }
    }

    /// <summary>Totals of a fuzz run.</summary>
    public sealed class LinkFuzzTotals
    {
        public long Inputs { get; set; }
        public long Bytes { get; set; }
        public long Accepted { get; set; }
        public long Rejected { get; set; }
        public long[] ByResult { get; } = new long[11];
        public long AllocatedBytesInParser { get; set; }
    }

    /// <summary>
    /// Random and mutated byte streams for <see cref="MonitorFrameParser"/> (brief: no exception, hang or
    /// memory growth on any input). Oracles, checked on every input:
    /// - nothing throws;
    /// - <c>Poll</c> returns None within (bytes + buffered + 1) calls (every result consumes at least one byte), so it cannot spin;
    /// - every accepted frame is from the paired monitor, is newer than the previous accepted one (a higher boot,
    ///   or the same boot and a higher sequence) and has plausible values;
    /// - an unmutated stream of valid frames is accepted whole (the parser does not reject good data);
    /// - Poll allocates nothing (BLD-004: the parser runs every tick).
    /// </summary>
    public sealed class LinkFuzzer
    {
        public const uint PairedMonitorId = 0x5EED_0001;

        /// <summary>The fuzz pairing key (an example value, not a secret).</summary>
        public static readonly byte[] Key = Convert.FromHexString("5EED00015EED00025EED00035EED00045EED00055EED00065EED00075EED0008");

        private readonly Random _random;
        private readonly HmacSha256 _mac = NewMac();
        private uint _boot = 1;
        private uint _sequence = 1;

        private static HmacSha256 NewMac()
        {
            var mac = new HmacSha256();
            mac.SetKey(Key, 0, Key.Length);
            return mac;
        }

        /// <summary>Orders (boot, sequence) as the parser does: a frame is newer when this key is larger.</summary>
        public static ulong Newness(uint boot, uint sequence) => ((ulong)boot << 32) | sequence;

        public LinkFuzzer(int seed)
        {
            _random = new Random(seed);
        }

        /// <summary>What kind of input <see cref="Next"/> produced.</summary>
        public enum Kind
        {
            RandomBytes,
            ValidFrames,
            Mutated,
            CrcValidFieldChange,
            Forged,
        }

        /// <summary>The next fuzz input, and whether it is a clean stream of valid frames (expected all accepted).</summary>
        /// <param name="lastAccepted">The parser's last accepted <see cref="Newness"/>: valid frames are made newer.</param>
        public byte[] Next(ulong lastAccepted, out Kind kind, out int validFrames)
        {
            validFrames = 0;
            uint boot = (uint)(lastAccepted >> 32);
            if (boot > _boot)
            {
                _boot = boot;
                _sequence = 1;
            }
            if (boot == _boot && (uint)lastAccepted >= _sequence)
            {
                _sequence = (uint)lastAccepted + 1;
            }
            if (_sequence > uint.MaxValue - 1000)
            {
                // The sender restarts rather than run out of sequence numbers.
                _boot++;
                _sequence = 1;
            }
            int choice = _random.Next(11);
            if (choice < 2)
            {
                kind = Kind.RandomBytes;
                return RandomBytes(_random.Next(0, 300));
            }
            if (choice < 4)
            {
                kind = Kind.ValidFrames;
                validFrames = 1 + _random.Next(5);
                return ValidFrames(validFrames);
            }
            if (choice < 8)
            {
                kind = Kind.Mutated;
                return Mutate(ValidFrames(1 + _random.Next(3)));
            }
            if (choice < 10)
            {
                kind = Kind.CrcValidFieldChange;
                return CrcValidFieldChange();
            }
            kind = Kind.Forged;
            return Forged();
        }

        /// <summary>A frame altered by someone without the key: any byte after the sync changed, the CRC fixed, the tag not.</summary>
        public byte[] Forged()
        {
            byte[] frame = ValidFrames(1);
            int at = _random.Next(MonitorFrameFormat.OffsetMonitorId, MonitorFrameFormat.VitalsFrameLength - MonitorFrameFormat.CrcLength);
            frame[at] ^= (byte)(1 + _random.Next(255));
            MonitorFrameEncoder.WriteCrc(frame, 0, MonitorFrameFormat.VitalsPayloadLength);
            return frame;
        }

        public byte[] RandomBytes(int length)
        {
            var bytes = new byte[length];
            _random.NextBytes(bytes);
            // Sprinkle sync pairs so the parser gets past the hunt often.
            for (int i = 0; i + 1 < length; i++)
            {
                if (_random.Next(20) == 0)
                {
                    bytes[i] = MonitorFrameFormat.Sync0;
                    bytes[i + 1] = MonitorFrameFormat.Sync1;
                }
            }
            return bytes;
        }

        public byte[] ValidFrames(int count)
        {
            var buffer = new byte[count * MonitorFrameFormat.VitalsFrameLength];
            for (int i = 0; i < count; i++)
            {
                int n = MonitorFrameEncoder.EncodeVitals(PlausibleVitals(), _mac, buffer, i * MonitorFrameFormat.VitalsFrameLength);
                if (n != MonitorFrameFormat.VitalsFrameLength)
                {
                    throw new InvalidOperationException("the encoder refused plausible vitals");
                }
            }
            return buffer;
        }

        private VitalSigns PlausibleVitals()
        {
            var v = new VitalSigns
            {
                MonitorId = PairedMonitorId,
                Boot = _boot,
                Sequence = _sequence++,
                SourceId = 0x00A0_C0FF_EE00_0001UL,
                AvailableFlags = _random.Next(16),
                StatusFlags = _random.Next(16),
            };
            v.SetBedLabel("FUZZ BED 7");
            if (v.HeartRateAvailable) v.HeartRateAgeMs = _random.Next(0, 10_000);
            if ((v.AvailableFlags & VitalSigns.AvailSpo2) != 0) v.Spo2AgeMs = _random.Next(0, 10_000);
            if (v.RespiratoryRateAvailable) v.RespiratoryRateAgeMs = _random.Next(0, 60_000);
            if (v.HeartRateAvailable) v.HeartRateBpm = _random.Next(MonitorFrameFormat.HeartRateMinBpm, MonitorFrameFormat.HeartRateMaxBpm + 1);
            if ((v.AvailableFlags & VitalSigns.AvailSpo2) != 0) v.Spo2Percent = _random.Next(MonitorFrameFormat.Spo2MinPercent, MonitorFrameFormat.Spo2MaxPercent + 1);
            if (v.RespiratoryRateAvailable) v.RespiratoryRatePerMin = _random.Next(MonitorFrameFormat.RespRateMinPerMin, MonitorFrameFormat.RespRateMaxPerMin + 1);
            if (v.NibpAvailable)
            {
                v.SystolicMmHg = _random.Next(Math.Max(MonitorFrameFormat.SystolicMinMmHg, MonitorFrameFormat.DiastolicMinMmHg + 1), MonitorFrameFormat.SystolicMaxMmHg + 1);
                v.DiastolicMmHg = _random.Next(MonitorFrameFormat.DiastolicMinMmHg, Math.Min(v.SystolicMmHg, MonitorFrameFormat.DiastolicMaxMmHg + 1));
                v.MeanMmHg = _random.Next(v.DiastolicMmHg, v.SystolicMmHg + 1);
                v.NibpAgeS = _random.Next(0, 0x10000);
                v.NibpReadingNumber = _random.Next(0, 0x10000);
            }
            return v;
        }

        /// <summary>Byte-level damage: flips, overwrites, inserts, deletes, truncation, duplication, splices.</summary>
        public byte[] Mutate(byte[] input)
        {
            var bytes = new List<byte>(input);
            int mutations = 1 + _random.Next(4);
            for (int m = 0; m < mutations; m++)
            {
                int at = bytes.Count == 0 ? 0 : _random.Next(bytes.Count);
                switch (_random.Next(7))
                {
                    case 0 when bytes.Count > 0:
                        bytes[at] ^= (byte)(1 << _random.Next(8));
                        break;
                    case 1 when bytes.Count > 0:
                        bytes[at] = (byte)_random.Next(256);
                        break;
                    case 2:
                        bytes.InsertRange(at, RandomBytes(1 + _random.Next(8)));
                        break;
                    case 3 when bytes.Count > 0:
                        bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + _random.Next(8)));
                        break;
                    case 4:
                        bytes.RemoveRange(at, bytes.Count - at); // truncate
                        break;
                    case 5:
                        bytes.AddRange(bytes.GetRange(0, Math.Min(bytes.Count, MonitorFrameFormat.VitalsFrameLength))); // replay
                        break;
                    default:
                        bytes.InsertRange(at, new[] { MonitorFrameFormat.Sync0, MonitorFrameFormat.Sync1 }); // false sync
                        break;
                }
            }
            return bytes.ToArray();
        }

        /// <summary>
        /// A frame with one header or payload field changed and its tag and CRC recomputed (an authentic sender's
        /// odd frame), so the checks behind the tag are reached.
        /// </summary>
        public byte[] CrcValidFieldChange()
        {
            byte[] frame = ValidFrames(1);
            int payloadLength = MonitorFrameFormat.VitalsPayloadLength;
            switch (_random.Next(7))
            {
                case 0:
                    frame[MonitorFrameFormat.OffsetVersion] = (byte)_random.Next(256);
                    break;
                case 1:
                    frame[MonitorFrameFormat.OffsetType] = (byte)_random.Next(256);
                    break;
                case 2:
                    // Another length: rebuild the frame at that length so tag and CRC sit where the length says.
                    payloadLength = _random.Next(0, MonitorFrameFormat.MaxPayloadLength + 1);
                    var resized = new byte[MonitorFrameFormat.HeaderLength + payloadLength + MonitorFrameFormat.TagLength + MonitorFrameFormat.CrcLength];
                    Array.Copy(frame, resized, Math.Min(frame.Length, MonitorFrameFormat.HeaderLength + payloadLength));
                    resized[MonitorFrameFormat.OffsetLength] = (byte)payloadLength;
                    frame = resized;
                    break;
                case 3:
                    frame[MonitorFrameFormat.OffsetMonitorId + _random.Next(4)] = (byte)_random.Next(256);
                    break;
                case 4:
                    frame[MonitorFrameFormat.OffsetSequence + _random.Next(4)] = (byte)_random.Next(256);
                    break;
                case 5:
                    frame[MonitorFrameFormat.OffsetBoot + _random.Next(4)] = (byte)_random.Next(256);
                    break;
                default:
                    frame[MonitorFrameFormat.OffsetPayload + _random.Next(MonitorFrameFormat.VitalsPayloadLength)] = (byte)_random.Next(256);
                    break;
            }
            MonitorFrameEncoder.WriteTagAndCrc(frame, 0, payloadLength, _mac);
            return frame;
        }

        /// <summary>
        /// Feeds one input to <paramref name="parser"/> through a link that hands out random-sized chunks,
        /// checks every oracle, and adds to <paramref name="totals"/>. Throws <see cref="FuzzFailure"/>.
        /// </summary>
        public static void Check(MonitorFrameParser parser, byte[] input, int expectAllAccepted, int chunkSeed, ref long nowMs,
            ref ulong lastAccepted, LinkFuzzTotals totals)
        {
            WarmUp();
            var link = new ChunkedLink(input, chunkSeed);
            int acceptedBefore = parser.AcceptedCount;
            int calls = 0;
            try
            {
                long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                while (true)
                {
                    nowMs += 7;
                    FrameResult result = parser.Poll(link, nowMs);
                    calls++;
                    if (result == FrameResult.None)
                    {
                        break;
                    }
                    totals.ByResult[(int)result]++;
                    if (result == FrameResult.Accepted)
                    {
                        totals.Accepted++;
                        VitalSigns v = parser.LastAccepted;
                        if (v.MonitorId != PairedMonitorId)
                        {
                            throw new FuzzFailure($"accepted a frame from monitor {v.MonitorId:X8}", input);
                        }
                        ulong newness = Newness(v.Boot, v.Sequence);
                        if (newness <= lastAccepted)
                        {
                            throw new FuzzFailure($"accepted boot {v.Boot} sequence {v.Sequence} after {lastAccepted >> 32}/{(uint)lastAccepted}", input);
                        }
                        if (!MonitorFrameFormat.IsPlausible(v))
                        {
                            throw new FuzzFailure("accepted implausible vitals", input);
                        }
                        lastAccepted = newness;
                    }
                    else
                    {
                        totals.Rejected++;
                    }
                    // Each result consumes at least one byte: of this input or of the (at most one frame of) bytes still buffered.
                    if (calls > input.Length + MonitorFrameFormat.MaxFrameLength + 1)
                    {
                        throw new FuzzFailure($"Poll returned {calls} results for {input.Length} bytes (spinning)", input);
                    }
                }
                long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                totals.AllocatedBytesInParser += allocated;
                if (allocated != 0)
                {
                    throw new FuzzFailure($"the parser allocated {allocated} bytes", input);
                }
            }
            catch (FuzzFailure)
            {
                throw;
            }
            catch (Exception e)
            {
                throw new FuzzFailure($"{e.GetType().Name} escaped the parser: {e.Message}", input, e);
            }
            if (expectAllAccepted > 0 && parser.AcceptedCount - acceptedBefore != expectAllAccepted)
            {
                throw new FuzzFailure($"a clean stream of {expectAllAccepted} valid frames gave {parser.AcceptedCount - acceptedBefore} accepted", input);
            }
            totals.Inputs++;
            totals.Bytes += input.Length;
        }

        /// <summary>
        /// Runs <paramref name="inputs"/> generated inputs. One long-lived parser takes every stream in turn,
        /// as on the device (state carried across inputs is part of what is tested); every 1000 inputs a fresh
        /// parser starts so early-state paths are exercised too.
        /// </summary>
        public static LinkFuzzTotals Run(int seed, long inputs, Action<long>? progress = null)
        {
            var fuzzer = new LinkFuzzer(seed);
            var totals = new LinkFuzzTotals();
            MonitorFrameParser parser = NewParser();
            long nowMs = 0;
            ulong lastSequence = 0;
            for (long i = 0; i < inputs; i++)
            {
                if (i % 1000 == 0)
                {
                    progress?.Invoke(i);
                    parser = NewParser();
                    lastSequence = 0;
                }
                if (lastSequence >> 32 > uint.MaxValue - 1000)
                {
                    // An authentic frame with a boot near the top was accepted: re-pair, as commissioning would.
                    parser.Keys.Pair(PairedMonitorId, Key, 0, Key.Length);
                    lastSequence = 0;
                    fuzzer._boot = 1;
                    fuzzer._sequence = 1;
                }
                byte[] input = fuzzer.Next(lastSequence, out Kind kind, out int valid);
                if (kind == Kind.ValidFrames)
                {
                    // A clean stream must be accepted whole; a partial frame left by the previous input could
                    // legitimately hide or reveal frames, so clean streams start on a fresh parser.
                    var fresh = NewParser();
                    ulong freshSequence = 0;
                    Check(fresh, input, valid, seed ^ (int)i, ref nowMs, ref freshSequence, totals);
                    continue;
                }
                Check(parser, input, 0, seed ^ (int)i, ref nowMs, ref lastSequence, totals);
            }
            return totals;
        }

        private static bool _warm;

        /// <summary>
        /// Runs every parser path once so one-time type initialisation (the CRC table) is not counted as a
        /// per-tick allocation: the device builds those at start-up too.
        /// </summary>
        private static void WarmUp()
        {
            if (_warm)
            {
                return;
            }
            _warm = true;
            var fuzzer = new LinkFuzzer(0);
            var parser = NewParser();
            var link = new ChunkedLink(fuzzer.Mutate(fuzzer.ValidFrames(3)), 0);
            while (parser.Poll(link, 0) != FrameResult.None)
            {
            }
        }

        public static MonitorFrameParser NewParser()
        {
            var keys = new LinkKeyStore();
            keys.Pair(PairedMonitorId, Key, 0, Key.Length);
            return new MonitorFrameParser(keys, MonitorFrameParser.DefaultBadFrameAlarmCount, MonitorFrameParser.DefaultBadFrameWindowMs);
        }

        /// <summary>Recomputes tag and CRC with the fuzz key (an authentic sender's frame of any content).</summary>
        public void Reseal(byte[] frame, int payloadLength) => MonitorFrameEncoder.WriteTagAndCrc(frame, 0, payloadLength, _mac);

        /// <summary>A monitor link that returns the input in random-sized chunks (UART reads see any split).</summary>
        private sealed class ChunkedLink : IMonitorLink
        {
            private readonly byte[] _bytes;
            private readonly Random _random;
            private int _position;

            public ChunkedLink(byte[] bytes, int seed)
            {
                _bytes = bytes;
                _random = new Random(seed);
            }

            public int Read(byte[] buffer, int offset, int count)
            {
                int n = Math.Min(Math.Min(count, _bytes.Length - _position), 1 + _random.Next(70));
                Array.Copy(_bytes, _position, buffer, offset, n);
                _position += n;
                return n;
            }
        }
    }
}
