using System;
using System.IO;
using Pump.Core.Common;
using Pump.Core.Service;

namespace Pump.ServiceTool.Protocol
{
    /// <summary>
    /// The tool's end of the service link over any byte stream (TCP or serial): builds each request with the
    /// core's own <see cref="ServiceFrameWriter"/>, sends it once (never retried: a write must not run twice),
    /// and waits for the answer with the same command and sequence, checking its CRC. Frames that are not
    /// that answer are skipped.
    /// </summary>
    public sealed class ServiceClient : IDisposable
    {
        private readonly Stream _stream;
        private readonly IDisposable? _owner;
        private readonly ServiceFrameWriter _writer = new();
        private uint _sequence;

        public ServiceClient(Stream stream, TimeSpan timeout, IDisposable? owner = null)
        {
            _stream = stream;
            _owner = owner;
            Timeout = timeout;
            // A fresh random start, so a second tool session never repeats the pump's last sequence.
            _sequence = (uint)Random.Shared.Next(1, int.MaxValue);
            if (_stream.CanTimeout)
            {
                _stream.ReadTimeout = (int)timeout.TotalMilliseconds;
            }
        }

        public TimeSpan Timeout { get; }

        /// <summary>Sends command with payload and returns the pump's answer.</summary>
        public ServiceResponse Send(byte command, byte[]? payload = null)
        {
            payload ??= [];
            _sequence = _sequence == uint.MaxValue ? 1 : _sequence + 1;
            _writer.Begin(command, _sequence);
            _writer.PutBytes(payload, 0, payload.Length);
            if (!_writer.Finish())
            {
                throw new ArgumentException("payload longer than " + ServiceFrameFormat.MaxPayloadLength + " bytes");
            }
            return SendRaw(_writer.Frame.AsSpan(0, _writer.Length).ToArray(), command, _sequence);
        }

        /// <summary>Sends bytes as they are (tests of the pump's bad-input paths) and waits for the answer to command/sequence.</summary>
        public ServiceResponse SendRaw(byte[] frame, int command, uint sequence)
        {
            try
            {
                _stream.Write(frame, 0, frame.Length);
                _stream.Flush();
            }
            catch (IOException e)
            {
                throw new NoAnswerException("could not send to the pump: " + e.Message);
            }
            return Receive(command, sequence);
        }

        /// <summary>Waits for the answer to command/sequence.</summary>
        public ServiceResponse Receive(int command, uint sequence)
        {
            var deadline = DateTime.UtcNow + Timeout;
            while (DateTime.UtcNow < deadline)
            {
                byte[]? frame = ReadFrame();
                if (frame == null)
                {
                    continue;
                }
                int answered = frame[ServiceFrameFormat.OffsetCommand];
                uint seq = BitConverter.ToUInt32(frame, ServiceFrameFormat.OffsetSequence);
                int length = frame.Length - ServiceFrameFormat.HeaderLength - ServiceFrameFormat.CrcLength;
                if (length < 1)
                {
                    throw new ProtocolException("answer without a status byte");
                }
                if (seq != sequence || answered != (command | ServiceFrameFormat.ResponseBit))
                {
                    continue;
                }
                int status = frame[ServiceFrameFormat.HeaderLength];
                return new ServiceResponse(command, status, frame.AsSpan(ServiceFrameFormat.HeaderLength + 1, length - 1).ToArray());
            }
            throw new NoAnswerException(NoAnswerText());
        }

        private string NoAnswerText() => "no answer within " + Timeout.TotalSeconds + " s: is the pump powered up in service mode (hold OK + Back at power-up) and the cable on its service port?";

        private byte[]? ReadFrame()
        {
            int b;
            while ((b = ReadByte()) != ServiceFrameFormat.Sync0)
            {
            }
            if (ReadByte() != ServiceFrameFormat.Sync1)
            {
                return null;
            }
            var header = new byte[ServiceFrameFormat.HeaderLength];
            header[0] = ServiceFrameFormat.Sync0;
            header[1] = ServiceFrameFormat.Sync1;
            ReadExactly(header, 2, ServiceFrameFormat.HeaderLength - 2);
            int length = header[ServiceFrameFormat.OffsetLength] | (header[ServiceFrameFormat.OffsetLength + 1] << 8);
            if (header[ServiceFrameFormat.OffsetVersion] != ServiceFrameFormat.Version1 || length > ServiceFrameFormat.MaxPayloadLength)
            {
                return null;
            }
            var frame = new byte[ServiceFrameFormat.HeaderLength + length + ServiceFrameFormat.CrcLength];
            header.CopyTo(frame, 0);
            ReadExactly(frame, ServiceFrameFormat.HeaderLength, length + ServiceFrameFormat.CrcLength);
            int crcAt = ServiceFrameFormat.HeaderLength + length;
            uint crc = Crc32.Compute(frame, ServiceFrameFormat.OffsetVersion, crcAt - ServiceFrameFormat.OffsetVersion);
            return crc == BitConverter.ToUInt32(frame, crcAt) ? frame : null;
        }

        private int ReadByte()
        {
            var one = new byte[1];
            ReadExactly(one, 0, 1);
            return one[0];
        }

        private void ReadExactly(byte[] buffer, int offset, int count)
        {
            try
            {
                while (count > 0)
                {
                    int n = _stream.Read(buffer, offset, count);
                    if (n <= 0)
                    {
                        throw new NoAnswerException("the pump closed the connection");
                    }
                    offset += n;
                    count -= n;
                }
            }
            catch (IOException)
            {
                throw new NoAnswerException(NoAnswerText());
            }
            catch (TimeoutException)
            {
                throw new NoAnswerException(NoAnswerText());
            }
        }

        public void Dispose()
        {
            _stream.Dispose();
            _owner?.Dispose();
        }
    }
}
