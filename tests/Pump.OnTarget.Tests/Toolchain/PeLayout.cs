using System;
using System.Buffers.Binary;
using System.IO;

namespace Pump.OnTarget.Tests.Toolchain
{
    /// <summary>
    /// Reads a converted assembly's header (metadata processor v3, NFMRK1: the layout of nanoCLR's
    /// CLR_RECORD_ASSEMBLY, learnt from nanoframework/metadata-processor nanoAssemblyDefinition.cs and
    /// nanoAssemblyBuilder.cs). After the marker, the two CRCs, flags, native-methods checksum and offset, the version
    /// and two 16-bit string ids, the header holds at 0x28 the start offset of each of 16 tables (32-bit) and at 0x6C
    /// the padding bytes added after each (one byte each). The tables are written in this order: assembly refs, type
    /// refs, field refs, method refs, type defs, field defs, method defs, attributes, type specs, resources, resource
    /// data, strings, signatures, BYTE CODE (index 13), resource files, end of assembly. A method's place in the byte
    /// code table is a 16-bit RVA, which is why the MDP refuses an assembly whose byte code exceeds 65,535 bytes
    /// (nanoByteCodeTable: "Byte code table overflow").
    /// </summary>
    internal static class PeLayout
    {
        /// <summary>The most byte code one assembly may hold: method RVAs are ushort.</summary>
        public const int ByteCodeLimit = ushort.MaxValue;

        private const int TableStartsOffset = 0x28;
        private const int TablePaddingsOffset = 0x6C;
        private const int TableCount = 16;
        private const int ByteCodeTable = 13;

        /// <summary>Bytes of the assembly's byte-code table (its methods' nanoFramework IL), padding excluded.</summary>
        public static int ByteCodeBytes(string pePath)
        {
            byte[] pe = File.ReadAllBytes(pePath);
            if (pe.Length < TablePaddingsOffset + TableCount || !pe.AsSpan(0, DeploymentImage.AssemblyMarker.Length).SequenceEqual(DeploymentImage.AssemblyMarker))
            {
                throw new InvalidDataException(pePath + " is not an NFMRK1 assembly");
            }

            uint start = BinaryPrimitives.ReadUInt32LittleEndian(pe.AsSpan(TableStartsOffset + (4 * ByteCodeTable)));
            uint next = BinaryPrimitives.ReadUInt32LittleEndian(pe.AsSpan(TableStartsOffset + (4 * (ByteCodeTable + 1))));
            int padding = pe[TablePaddingsOffset + ByteCodeTable];
            if (next < start + padding || next > pe.Length)
            {
                throw new InvalidDataException(pePath + ": byte-code table bounds " + start + ".." + next + " do not fit the file");
            }

            return (int)(next - start) - padding;
        }
    }
}
