using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace Pump.Device.Tests.Build
{
    /// <summary>
    /// The compile-only facades declare exactly what the device code uses (DESIGN.md D11): every public
    /// type and member of a facade must be referenced by the device assembly, so no unverified API
    /// surface accumulates. Allowed without a reference: Dispose (IDisposable), the equality members
    /// C# requires next to operator ==, the protected constructor of an abstract base, and overrides
    /// of a base member the device calls through the base (FileStream.Read via Stream.Read), and a base type
    /// another facade type derives from (kept so the facade has the real hierarchy, DEV-017).
    /// </summary>
    public sealed class FacadeSurfaceTests
    {
        private static readonly string[] AlwaysAllowed = { "Dispose", "Equals", "GetHashCode", "op_Inequality" };

        private static readonly string[] DeviceFacades = { "System.Device.Gpio", "nanoFramework.Hardware.Esp32", "nanoFramework.Hardware.Esp32.Rmt", "System.Device.I2c", "System.Device.Adc", "System.Device.Pwm", "System.IO.Ports", "System.IO.Streams", "System.IO.FileSystem" };

        // Proves: DEV-016
        [Fact]
        public void Facades_EveryPublicMember_IsUsedByTheDeviceCode()
        {
            AssertEveryMemberUsed(DeviceAssemblyTests.DeviceCheckAssembly, DeviceFacades);
        }

        // Proves: DEV-016
        [Fact]
        public void TestFrameworkFacade_EveryPublicMember_IsUsedByTheOnTargetTests()
        {
            AssertEveryMemberUsed(DeviceAssemblyTests.NfTestsCheckAssembly, new[] { "nanoFramework.TestFramework" });
        }

        private static void AssertEveryMemberUsed(string device, string[] facades)
        {
            var (referencedTypes, referencedMembers) = References(device);
            var unused = new List<string>();
            string directory = Path.GetDirectoryName(device)!;
            foreach (string facade in facades)
            {
                using var stream = File.OpenRead(Path.Combine(directory, facade + ".dll"));
                using var pe = new PEReader(stream);
                var md = pe.GetMetadataReader();
                var baseTypes = md.TypeDefinitions.Select(h => md.GetTypeDefinition(h)).Where(t => !t.BaseType.IsNil).Select(t => TypeName(md, t.BaseType)).ToHashSet();
                foreach (var handle in md.TypeDefinitions)
                {
                    var type = md.GetTypeDefinition(handle);
                    if ((type.Attributes & TypeAttributes.VisibilityMask) != TypeAttributes.Public)
                    {
                        continue;
                    }

                    string name = md.GetString(type.Namespace) + "." + md.GetString(type.Name);
                    if (baseTypes.Contains(name) && !referencedTypes.Contains(name))
                    {
                        continue;
                    }

                    if (!referencedTypes.Contains(name))
                    {
                        unused.Add(facade + ": type " + name);
                        continue;
                    }

                    var owners = new List<string> { name };
                    if (!type.BaseType.IsNil)
                    {
                        owners.Add(TypeName(md, type.BaseType));
                    }

                    bool abstractType = (type.Attributes & TypeAttributes.Abstract) != 0;
                    foreach (var m in type.GetMethods())
                    {
                        var method = md.GetMethodDefinition(m);
                        var access = method.Attributes & MethodAttributes.MemberAccessMask;
                        if (access != MethodAttributes.Public && access != MethodAttributes.Family)
                        {
                            continue;
                        }

                        string member = md.GetString(method.Name);
                        if (AlwaysAllowed.Contains(member) || (member == ".ctor" && abstractType && access == MethodAttributes.Family))
                        {
                            continue;
                        }

                        bool used = owners.Any(o => referencedMembers.Contains(o + "::" + member));
                        if (!used && (member.StartsWith("get_") || member.StartsWith("set_")))
                        {
                            string property = member.Substring(4);
                            used = owners.Any(o => referencedMembers.Contains(o + "::get_" + property) || referencedMembers.Contains(o + "::set_" + property));
                        }

                        if (!used)
                        {
                            unused.Add(facade + ": " + name + "::" + member);
                        }
                    }

                    foreach (var f in type.GetFields())
                    {
                        var field = md.GetFieldDefinition(f);
                        bool isPublic = (field.Attributes & FieldAttributes.FieldAccessMask) == FieldAttributes.Public;
                        bool enumValue = (field.Attributes & (FieldAttributes.Literal | FieldAttributes.RTSpecialName)) != 0;
                        if (isPublic && !enumValue && !referencedMembers.Contains(name + "::" + md.GetString(field.Name)))
                        {
                            unused.Add(facade + ": field " + name + "::" + md.GetString(field.Name));
                        }
                    }
                }
            }

            Assert.True(unused.Count == 0, "Facade members the device code does not use (remove them):\n" + string.Join("\n", unused));
        }

        private static (HashSet<string> Types, HashSet<string> Members) References(string path)
        {
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            var md = pe.GetMetadataReader();
            var types = new HashSet<string>();
            foreach (var handle in md.TypeReferences)
            {
                var reference = md.GetTypeReference(handle);
                types.Add(md.GetString(reference.Namespace) + "." + md.GetString(reference.Name));
            }

            var members = new HashSet<string>();
            foreach (var handle in md.MemberReferences)
            {
                var reference = md.GetMemberReference(handle);
                if (reference.Parent.Kind == HandleKind.TypeReference)
                {
                    members.Add(TypeName(md, reference.Parent) + "::" + md.GetString(reference.Name));
                }
            }

            return (types, members);
        }

        private static string TypeName(MetadataReader md, EntityHandle handle)
        {
            if (handle.Kind == HandleKind.TypeReference)
            {
                var reference = md.GetTypeReference((TypeReferenceHandle)handle);
                return md.GetString(reference.Namespace) + "." + md.GetString(reference.Name);
            }

            if (handle.Kind == HandleKind.TypeDefinition)
            {
                var definition = md.GetTypeDefinition((TypeDefinitionHandle)handle);
                return md.GetString(definition.Namespace) + "." + md.GetString(definition.Name);
            }

            return string.Empty;
        }
    }
}
