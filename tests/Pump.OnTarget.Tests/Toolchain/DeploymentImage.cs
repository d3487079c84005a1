using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Pump.OnTarget.Tests.Toolchain
{
    /// <summary>
    /// The deployment image as nanoFramework's own deploy builds it (nf-Visual-Studio-extension DeployProvider:
    /// every assembly's .pe, mscorlib included, zero-padded to a multiple of 4 bytes and concatenated; on the device
    /// each assembly header then starts on a 32-bit boundary of the deployment region, first at offset 0). This is the
    /// file `nanoff --deploy --image` writes to the ESP32's deployment partition (hardware-docs/flashing.md).
    /// </summary>
    internal sealed class DeploymentImage
    {
        /// <summary>The marker every converted assembly starts with (metadata processor v3, NFMRK1 format).</summary>
        public static readonly byte[] AssemblyMarker = Encoding.ASCII.GetBytes("NFMRK1");

        private DeploymentImage(byte[] bytes, IReadOnlyList<(string Name, int Offset, int Length)> parts)
        {
            Bytes = bytes;
            Parts = parts;
        }

        public byte[] Bytes { get; }

        /// <summary>Each assembly's name, offset in the image and unpadded length.</summary>
        public IReadOnlyList<(string Name, int Offset, int Length)> Parts { get; }

        public string Sha256 => Convert.ToHexString(SHA256.HashData(Bytes)).ToLowerInvariant();

        public static DeploymentImage Build(IEnumerable<string> peFilesInLoadOrder)
        {
            using var image = new MemoryStream();
            var parts = new List<(string, int, int)>();
            foreach (string pe in peFilesInLoadOrder)
            {
                byte[] bytes = File.ReadAllBytes(pe);
                parts.Add((Path.GetFileNameWithoutExtension(pe), (int)image.Length, bytes.Length));
                image.Write(bytes);
                image.Write(new byte[(4 - (bytes.Length % 4)) % 4]);
            }

            return new DeploymentImage(image.ToArray(), parts);
        }

        /// <summary>Writes the image, every .pe and a SHA256SUMS file (sha256sum format) into a folder.</summary>
        public void WriteTo(string folder, string imageName, IEnumerable<string> peFiles)
        {
            Directory.CreateDirectory(folder);
            var sums = new StringBuilder();
            foreach (string pe in peFiles)
            {
                string target = Path.Combine(folder, Path.GetFileName(pe));
                File.Copy(pe, target, overwrite: true);
                sums.Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(target))).ToLowerInvariant()).Append("  ").Append(Path.GetFileName(pe)).Append('\n');
            }

            File.WriteAllBytes(Path.Combine(folder, imageName), Bytes);
            sums.Append(Sha256).Append("  ").Append(imageName).Append('\n');
            File.WriteAllText(Path.Combine(folder, "SHA256SUMS"), sums.ToString());
        }
    }
}
