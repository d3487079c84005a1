using System;
using System.Collections.Generic;
using System.Text;

namespace Pump.Bridge.Pcd01
{
    /// <summary>
    /// MLLP framing (HL7 implementation guide appendix C): &lt;VT 0x0B&gt; message &lt;FS 0x1C&gt;&lt;CR 0x0D&gt;. Bytes outside
    /// a block are discarded; a block longer than <see cref="MaxMessageBytes"/> is dropped whole.
    /// </summary>
    public sealed class MllpFramer
    {
        public const byte StartBlock = 0x0B;
        public const byte EndBlock = 0x1C;
        public const byte CarriageReturn = 0x0D;
        public const int MaxMessageBytes = 1 << 20;

        private readonly List<byte> _block = new();
        private bool _inBlock;
        private bool _sawEnd;

        public long DiscardedBytes { get; private set; }

        public long OversizeBlocks { get; private set; }

        /// <summary>Feeds received bytes; returns the messages completed by them.</summary>
        public List<string> Feed(ReadOnlySpan<byte> bytes)
        {
            var done = new List<string>();
            foreach (byte b in bytes)
            {
                if (!_inBlock)
                {
                    if (b == StartBlock)
                    {
                        _inBlock = true;
                        _block.Clear();
                    }
                    else
                    {
                        DiscardedBytes++;
                    }
                    continue;
                }
                if (_sawEnd)
                {
                    _sawEnd = false;
                    _inBlock = false;
                    if (b == CarriageReturn)
                    {
                        done.Add(Encoding.UTF8.GetString(_block.ToArray()));
                    }
                    else
                    {
                        DiscardedBytes += _block.Count + 2;
                    }
                    continue;
                }
                if (b == EndBlock)
                {
                    _sawEnd = true;
                    continue;
                }
                if (b == StartBlock)
                {
                    DiscardedBytes += _block.Count; // an unterminated block: start again
                    _block.Clear();
                    continue;
                }
                if (_block.Count >= MaxMessageBytes)
                {
                    OversizeBlocks++;
                    _inBlock = false;
                    _block.Clear();
                    continue;
                }
                _block.Add(b);
            }
            return done;
        }

        public static byte[] Frame(string message)
        {
            byte[] body = Encoding.UTF8.GetBytes(message);
            var framed = new byte[body.Length + 3];
            framed[0] = StartBlock;
            body.CopyTo(framed, 1);
            framed[^2] = EndBlock;
            framed[^1] = CarriageReturn;
            return framed;
        }
    }
}
